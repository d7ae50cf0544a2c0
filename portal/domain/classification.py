"""Classifier suggestions turned into routing decisions: category, agency, and whether a person must look."""
from portal.models import Category

# Below this confidence a petition waits in the coordinator's triage queue instead of going to an agency.
TRIAGE_BELOW = 0.45


def classify_with_agency(session, text: str) -> dict:
    """The classifier's answer plus the category's default agency code (the API's /classify shape)."""
    from portal.text.classify import classify

    result = classify(text)
    category = session.query(Category).filter_by(code=result["category"]).first()
    return {**result, "agency": category.default_agency.code if category else None}


def category_for_intake(text: str, chosen_code: str,
                        triage_below: float = TRIAGE_BELOW) -> tuple[str, float | None, bool, bool]:
    """(category code, classifier confidence, needs triage, urgent). The sender's own choice wins; without one the
    classifier decides, and a low-confidence guess goes to a person; its urgency marks the petition urgent."""
    if chosen_code or len(text) < 20:  # too short to judge: validation refuses it anyway
        return chosen_code, None, False, False
    from portal.text.classify import classify

    result = classify(text)
    return (result["category"], result["confidence"], result["confidence"] < triage_below,
            bool(result.get("urgent", False)))
