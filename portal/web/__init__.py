"""Blueprints, one package per audience. Each registers itself in blueprints()."""


def blueprints():
    from portal.api.open311 import bp as open311
    from portal.api.v1 import bp as api_v1
    from portal.web.admin.routes import bp as admin
    from portal.web.agency.routes import bp as agency
    from portal.web.auth.routes import bp as auth
    from portal.web.committee.routes import bp as committee
    from portal.web.dialogue.routes import bp as dialogue
    from portal.web.intake.routes import bp as intake
    from portal.web.public.routes import bp as public

    return [public, auth, intake, dialogue, agency, admin, committee, api_v1, open311]
