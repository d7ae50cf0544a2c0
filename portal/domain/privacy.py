"""What the public and other agencies may see of a petition (Decree 13/2023/NĐ-CP on personal data).

The public and integrators read a petition only once its answer is published and its sender consented, and then only
the stored public version, with coordinates rounded to about 100 m. Everyone else learns nothing, not even that the
code exists. Another agency's officer sees code, category, status and ward: enough to spot a duplicate, nothing of
what the citizen wrote or who they are.
"""
from dataclasses import dataclass

from sqlalchemy import and_

from portal.domain import places
from portal.domain.lifecycle import PUBLISHED_STATUSES
from portal.models import AGENCY_ROLES, Petition

PUBLIC_STATUSES = PUBLISHED_STATUSES
# Three decimals of a degree are about 110 m of latitude: the street, not the house.
COORDINATE_DECIMALS = 3


def is_public(petition: Petition) -> bool:
    """Whether the public may read this petition at all."""
    return petition.status in PUBLIC_STATUSES and bool(petition.consent_public)


def public_condition():
    """is_public() as a filter, so lists never load a private petition."""
    return and_(Petition.status.in_(PUBLIC_STATUSES), Petition.consent_public.is_(True))


def public_coordinate(value: float | None) -> float | None:
    return None if value is None else round(value, COORDINATE_DECIMALS)


def public_title(petition: Petition) -> str:
    """The title the head approved for publication; the code alone until there is one."""
    return petition.public_title or petition.code


@dataclass(frozen=True)
class PetitionGlimpse:
    """What an officer may see of a petition: all of it for their own agency's, code, category, status and ward
    for another agency's."""

    code: str
    category: str
    status: str
    ward: str
    own: bool
    excerpt: str = ""


def may_read(petition: Petition, viewer) -> bool:
    """Officers read their own agency's petitions; the coordinator (and the admin) read every one."""
    if viewer.role in AGENCY_ROLES:
        return petition.agency_id is not None and petition.agency_id == viewer.agency_id
    return viewer.role in ("coordinator", "admin")


def glimpse(petition: Petition, viewer, excerpt_length: int = 240) -> PetitionGlimpse:
    own = may_read(petition, viewer)
    excerpt = ""
    if own:
        excerpt = petition.content if len(petition.content) <= excerpt_length else \
            petition.content[:excerpt_length - 1].rsplit(" ", 1)[0] + "…"
    return PetitionGlimpse(code=petition.code, category=petition.category.name, status=petition.status,
                           ward=places.ward_name(petition.province_code, petition.ward_code), own=own, excerpt=excerpt)
