"""The citizen feedback and dialogue portal. create_app() reads like a table of contents."""
import os

from flask import Flask

from portal.config import Defaults, default_database_url, engine_options, load_secret_key


def create_app(test_config: dict | None = None) -> Flask:
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    app = Flask(__name__, instance_relative_config=True,
                template_folder=os.path.join(root, "templates"), static_folder=os.path.join(root, "static"))
    configure(app, test_config)
    register_extensions(app)
    register_blueprints(app)
    register_errorhandlers(app)
    register_security(app)
    register_observability(app)
    register_template_helpers(app)
    register_commands(app)
    warm_up_text_models(app)
    return app


def configure(app: Flask, test_config: dict | None) -> None:
    os.makedirs(app.instance_path, exist_ok=True)
    app.config.from_object(Defaults)
    app.config["SQLALCHEMY_DATABASE_URI"] = os.environ.get("DATABASE_URL") or default_database_url(app.instance_path)
    app.config["SECRET_KEY"] = load_secret_key(app.instance_path)
    app.config["PORT"] = int(os.environ.get("PORT", "5000"))
    app.config.from_prefixed_env()
    if test_config:
        app.config.update(test_config)
    url = app.config["SQLALCHEMY_DATABASE_URI"]
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://"):]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]  # psycopg 3
    app.config["SQLALCHEMY_DATABASE_URI"] = url
    app.config.setdefault("SQLALCHEMY_ENGINE_OPTIONS", engine_options(url))
    if int(app.config["PROXY_COUNT"]):
        from werkzeug.middleware.proxy_fix import ProxyFix

        hops = int(app.config["PROXY_COUNT"])
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)


def register_extensions(app: Flask) -> None:
    from portal.domain import side_effects
    from portal.extensions import PortalSession, babel, csrf, db, limiter, login_manager, migrate, select_locale

    db.init_app(app)
    side_effects.register(PortalSession)  # what every flush and commit also writes: rollups, the audit trail
    migrate.init_app(app, db, directory=os.path.join(os.path.dirname(app.root_path), "migrations"))
    csrf.init_app(app)
    import portal.ratelimit  # noqa: F401  (registers the database:// store the limiter uses by default)
    limiter.init_app(app)
    babel.init_app(app, locale_selector=select_locale,
                   default_translation_directories=os.path.join(os.path.dirname(app.root_path), "translations"))
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = "Vui lòng đăng nhập để tiếp tục."
    login_manager.session_protection = "strong"

    from portal.web.auth.sessions import load_user

    login_manager.user_loader(load_user)


def register_blueprints(app: Flask) -> None:
    from portal.web import blueprints

    for blueprint in blueprints():
        app.register_blueprint(blueprint)


def register_errorhandlers(app: Flask) -> None:
    from portal.web.errors import register

    register(app)


def register_security(app: Flask) -> None:
    from portal.web.security import add_security_headers

    app.after_request(add_security_headers)


def register_observability(app: Flask) -> None:
    from portal.observability import register

    register(app)


def register_template_helpers(app: Flask) -> None:
    from portal.web.helpers import register

    register(app)


def warm_up_text_models(app: Flask) -> None:
    """Load the classifier once per worker, at start-up, not on a user's request."""
    if app.config.get("CLASSIFIER_WARM_UP", True):
        from portal.text.classify import classify

        classify("Khởi động bộ phân loại phản ánh")


def register_commands(app: Flask) -> None:
    from portal.commands import register

    register(app)
