"""Blueprints, one package per audience. Each registers itself in blueprints()."""


def blueprints():
    from portal.web.auth.routes import bp as auth
    from portal.web.public.routes import bp as public

    return [public, auth]
