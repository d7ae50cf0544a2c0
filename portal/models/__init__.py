"""All models, imported here so Alembic and the app see one metadata."""
from portal.models.agency import Agency, CalendarDay, Category, RoutingRule  # noqa: F401
from portal.models.answer_template import AnswerTemplate, PetitionRejection  # noqa: F401
from portal.models.audit import AuditEntry  # noqa: F401
from portal.models.dialogue import DialogueSession  # noqa: F401
from portal.models.leader import LeaderOffice, LeaderReminder, Obligation, OfficeHolder  # noqa: F401
from portal.models.petition import (  # noqa: F401
    CHANNELS,
    Answer,
    Assignment,
    IdempotencyKey,
    Petition,
    PetitionEvent,
)
from portal.models.outbox import OutboxMessage, WebhookSubscription  # noqa: F401
from portal.models.photo import PetitionPhoto  # noqa: F401
from portal.models.proof_of_work import SpentProof  # noqa: F401
from portal.models.rating import Explanation, LabelledExample, Rating  # noqa: F401
from portal.models.support import PetitionSupport  # noqa: F401
from portal.models.rollup import (  # noqa: F401
    NONE_ID,
    CohortAnswer,
    DailyAgencyFigure,
    DailyFigure,
    DailyHandling,
    DailyRating,
    DailyResponsibility,
    MonthlyAgencyFigure,
    MonthlyFigure,
    MonthlyHandling,
)
from portal.models.worker import WorkerHeartbeat  # noqa: F401
from portal.models.user import (  # noqa: F401
    AGENCY_ROLES,
    ROLE_LABELS,
    ROLES,
    WORKSPACE_ROLES,
    ApiKey,
    PasswordLink,
    RateLimitCounter,
    User,
)
from portal.models.workspace import (  # noqa: F401
    Apology,
    Attachment,
    CoordinationRequest,
    ExtensionRequest,
)
