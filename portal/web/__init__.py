"""Blueprints, one package per audience: each package's __init__.py owns its blueprint and imports its route
modules; blueprints() lists the packages."""


def blueprints():
    from portal.api.open311 import bp as open311
    from portal.api.v1 import bp as api_v1
    from portal.web.admin import bp as admin
    from portal.web.agency import bp as agency
    from portal.web.auth import bp as auth
    from portal.web.committee import bp as committee
    from portal.web.dialogue import bp as dialogue
    from portal.web.health import bp as health
    from portal.web.intake import bp as intake
    from portal.web.public import bp as public

    return [public, auth, intake, dialogue, agency, admin, committee, api_v1, open311, health]
