"""The OpenAPI 3 document of /api/v1. Tests validate live responses against it."""
from functools import lru_cache

from portal.domain.lifecycle import PUBLISHED_STATUSES, STATUSES
from portal.domain.rejections import NOTE_MAX, NOTE_MIN, REASONS
from portal.models import CHANNELS

ERROR = {"$ref": "#/components/schemas/Error"}
DATE = {"type": "string", "format": "date"}
NULLABLE_DATE = {"type": ["string", "null"], "format": "date"}
DATETIME = {"type": "string", "format": "date-time"}
PERCENT = {"type": ["number", "null"], "minimum": 0, "maximum": 100}
PRIORITY = {"enum": ["normal", "urgent"], "description": "urgent: an immediate danger, due in working hours"}
DUE_AT = {"type": ["string", "null"], "format": "date-time",
          "description": "The answer deadline, Vietnam time with its offset (2026-12-04T17:00:00+07:00); due_date is "
                         "its date"}


def _error_responses(*statuses: int) -> dict:
    texts = {400: "Malformed request", 401: "Missing, wrong or revoked key", 403: "Not allowed for this key",
             404: "Not found (also a wrong tracking secret)", 409: "Conflict with the current state",
             413: "Body too large", 415: "Not JSON", 422: "Invalid field values", 429: "Rate limited"}
    return {str(s): {"description": texts[s], "content": {"application/json": {"schema": ERROR}}} for s in statuses}


def _json(schema: dict) -> dict:
    return {"content": {"application/json": {"schema": schema}}}


SCHEMAS = {
    "Error": {
        "type": "object", "required": ["error"], "additionalProperties": False,
        "properties": {"error": {"type": "object", "required": ["code", "message"],
                                 "properties": {"code": {"type": "string"}, "message": {"type": "string"}}}},
    },
    "NewPetition": {
        "type": "object", "required": ["content"], "additionalProperties": False,
        "properties": {
            "content": {"type": "string", "minLength": 20, "maxLength": 10000},
            "title": {"type": "string", "maxLength": 255},
            "channel": {"type": "string", "enum": list(CHANNELS), "default": "web"},
            "category": {"type": "string", "description": "A category code of the taxonomy; empty lets the system classify"},
            "location": {"type": "object", "additionalProperties": False, "properties": {
                "province_code": {"type": "string"}, "ward_code": {"type": "string"},
                "address": {"type": "string", "maxLength": 500},
                "lat": {"type": "number", "minimum": 6, "maximum": 24,
                        "description": "With lng, or neither. The point must lie in Vietnam: its land, the sea "
                                       "within 24 nautical miles of the coast, Hoàng Sa or Trường Sa"},
                "lng": {"type": "number", "minimum": 102, "maximum": 118}}},
            "reporter": {"type": "object", "additionalProperties": False, "properties": {
                "name": {"type": "string"}, "phone": {"type": "string"}, "email": {"type": "string"}}},
            "public": {"type": "boolean", "default": True},
            "priority": {"enum": ["normal", "urgent"], "default": "normal",
                         "description": "`urgent` (an immediate danger, due in working hours) only with an operator's "
                                        "or coordinator's key, recorded on the timeline as theirs; from anyone else "
                                        "403. `normal` is the same as leaving it out: the classifier may still mark "
                                        "the petition urgent, and a coordinator may take the mark off"},
        },
    },
    "PetitionReceipt": {
        "type": "object", "required": ["code", "secret", "status", "category", "agency", "due_date", "priority",
                                       "due_at"],
        "description": "Where the server runs an intake worker (as `make run` does), the petition is stored at once and "
                       "classified and routed moments later: status is then `received`, with `agency` and `due_date` "
                       "null, and `category` null unless the sender chose one. Follow it with GET /petitions/{code}.",
        "properties": {"code": {"type": "string", "pattern": "^[A-Z]+-\\d{4}-\\d{6,}$"}, "secret": {"type": "string"},
                       "status": {"type": "string", "enum": list(STATUSES)},
                       "category": {"type": ["string", "null"]},
                       "agency": {"type": ["string", "null"]}, "due_date": NULLABLE_DATE,
                       "priority": PRIORITY, "due_at": DUE_AT},
    },
    "Petition": {
        "type": "object",
        "required": ["code", "status", "category", "agency", "due_date", "created_at", "events", "answer"],
        "properties": {
            "code": {"type": "string"}, "status": {"type": "string", "enum": list(STATUSES)},
            "category": {"type": "string"}, "agency": {"type": ["string", "null"]}, "due_date": NULLABLE_DATE,
            "priority": PRIORITY, "due_at": DUE_AT,
            "created_at": DATETIME,
            "events": {"type": "array", "items": {"type": "object", "required": ["at", "status", "note"], "properties": {
                "at": DATETIME, "status": {"type": ["string", "null"]}, "note": {"type": "string"}}}},
            "answer": {"oneOf": [{"type": "null"}, {"type": "object", "required": ["content", "published_at"],
                                                   "properties": {"content": {"type": "string"},
                                                                  "published_at": DATETIME}}]},
            "rejection": {"description": "Why the petition was rejected (status `rejected`), else null",
                          "oneOf": [{"type": "null"}, {"$ref": "#/components/schemas/Rejection"}]},
            "photos": {"type": "array", "maxItems": 5, "description": "Signed URLs, each readable for about an hour",
                       "items": {"type": "object", "required": ["url", "thumbnail_url"],
                                 "properties": {"url": {"type": "string"}, "thumbnail_url": {"type": "string"}}}},
        },
    },
    "Rejection": {
        "type": "object", "required": ["reason", "reason_label", "note"],
        "properties": {"reason": {"enum": list(REASONS)}, "reason_label": {"type": "string"},
                       "note": {"type": "string", "description": "The portal's explanation to the sender"}},
    },
    "RejectRequest": {
        "type": "object", "required": ["reason", "note"], "additionalProperties": False,
        "properties": {"reason": {"enum": list(REASONS)},
                       "note": {"type": "string", "minLength": NOTE_MIN, "maxLength": NOTE_MAX,
                                "description": "Read by the sender on the tracking page"}},
    },
    "PhotoAdded": {
        "type": "object", "required": ["id", "url", "thumbnail_url", "width", "height"],
        "description": "The photo as stored: re-encoded, without metadata, long side at most 2048 px; the URLs are "
                       "signed and readable for about an hour.",
        "properties": {"id": {"type": "integer"}, "url": {"type": "string"}, "thumbnail_url": {"type": "string"},
                       "width": {"type": "integer", "minimum": 1, "maximum": 2048},
                       "height": {"type": "integer", "minimum": 1, "maximum": 2048}},
    },
    "AgencyItems": {
        "type": "object", "required": ["items", "page", "per_page", "total"],
        "properties": {"items": {"type": "array", "items": {
            "type": "object", "required": ["code", "status", "category", "due_date"],
            "properties": {"code": {"type": "string"}, "status": {"type": "string"}, "category": {"type": "string"},
                           "due_date": NULLABLE_DATE, "priority": PRIORITY, "due_at": DUE_AT}}},
            "page": {"type": "integer"}, "per_page": {"type": "integer"}, "total": {"type": "integer"}},
    },
    "Status": {"type": "object", "required": ["status"], "properties": {"status": {"type": "string"}}},
    "Classification": {
        "type": "object", "required": ["category", "confidence", "agency", "alternatives", "urgent", "urgency_confidence"],
        "properties": {"category": {"type": "string"}, "confidence": {"type": "number", "minimum": 0, "maximum": 1},
                       "agency": {"type": ["string", "null"]},
                       "urgent": {"type": "boolean", "description": "The text reports an immediate danger to life, "
                                  "health, safety or property; when unsure the classifier says true"},
                       "urgency_confidence": {"type": "number", "minimum": 0, "maximum": 1,
                                              "description": "Probability that the text is urgent"},
                       "alternatives": {"type": "array", "maxItems": 3, "items": {
                           "type": "object", "required": ["category", "confidence"],
                           "properties": {"category": {"type": "string"},
                                          "confidence": {"type": "number", "minimum": 0, "maximum": 1}}}}},
    },
    "AgencyMetrics": {
        "type": "object",
        "required": ["code", "name", "received", "answered", "on_time", "overdue", "response_rate", "on_time_rate",
                     "satisfaction_index", "satisfaction_ci", "ratings", "rank", "rank_change", "below_threshold",
                     "reopened", "reopen_rate", "rejected", "rejected_by_reason", "late_acknowledgements"],
        "properties": {
            "code": {"type": "string"}, "name": {"type": "string"}, "received": {"type": "integer"},
            "answered": {"type": "integer"}, "on_time": {"type": "integer"}, "overdue": {"type": "integer"},
            "response_rate": PERCENT, "on_time_rate": PERCENT, "satisfaction_index": PERCENT,
            "satisfaction_ci": {"oneOf": [{"type": "null"}, {"type": "array", "minItems": 2, "maxItems": 2,
                                                             "items": {"type": "number"}}]},
            "ratings": {"type": "integer"}, "rank": {"type": ["integer", "null"]},
            "rank_change": {"type": ["integer", "null"]}, "below_threshold": {"type": "boolean"},
            "reopened": {"type": "integer", "description": "Answers sent back in the period because their sender "
                         "rated them “not resolved” within 7 days of publication"},
            # Not capped at 100: an answer published in an earlier period may be reopened in this one.
            "reopen_rate": {"type": ["number", "null"], "minimum": 0,
                            "description": "reopened ÷ answered (published) in the period, in percent"},
            "rejected": {"type": "integer", "minimum": 0,
                         "description": "Petitions the agency had that were rejected in the period; rejected "
                                        "petitions are left out of response_rate's denominator"},
            "rejected_by_reason": {"$ref": "#/components/schemas/RejectedByReason"},
            "late_acknowledgements": {"type": "integer", "minimum": 0,
                                      "description": "Assigned petitions the agency did not accept within "
                                                     "ACK_DEADLINE_HOURS working hours, counted on the day found late"}},
    },
    "Metrics": {
        "type": "object", "required": ["period", "overall", "agencies"],
        "properties": {
            "period": {"type": "object", "required": ["from", "to"], "properties": {"from": DATE, "to": DATE}},
            "overall": {"type": "object", "required": ["rejected", "rejected_by_reason"],
                        "properties": {"rejected": {"type": "integer", "minimum": 0,
                                                    "description": "Every agency's, and those rejected before any "
                                                                   "agency had them"},
                                       "rejected_by_reason": {"$ref": "#/components/schemas/RejectedByReason"}}},
            "agencies": {"type": "array", "items": {"$ref": "#/components/schemas/AgencyMetrics"}}},
    },
    "RejectedByReason": {
        "type": "object", "required": list(REASONS), "additionalProperties": False,
        "description": "`rejected` per reason of the rejection (a head's proposal counts once the coordinator "
                       "confirms it, under the reason confirmed); the reasons add up to `rejected`",
        "properties": {reason: {"type": "integer", "minimum": 0} for reason in REASONS},
    },
    "Rating": {
        "type": "object", "required": ["secret", "scores", "resolved"], "additionalProperties": False,
        "properties": {
            "secret": {"type": "string"},
            "scores": {"type": "object", "required": ["access", "procedure", "staff", "result", "feedback"],
                       "additionalProperties": False,
                       "properties": {k: {"type": "integer", "minimum": 1, "maximum": 5}
                                      for k in ("access", "procedure", "staff", "result", "feedback")}},
            "resolved": {"type": "boolean"}, "comment": {"type": "string", "maxLength": 2000}},
    },
    "Supporters": {"type": "object", "required": ["supporters"],
                   "properties": {"supporters": {"type": "integer", "minimum": 1}}},
    "MapFeatures": {
        "type": "object", "required": ["type", "features", "page", "next_page"],
        "properties": {
            "type": {"const": "FeatureCollection"}, "page": {"type": "integer"},
            "next_page": {"type": ["integer", "null"]},
            "features": {"type": "array", "items": {
                "type": "object", "required": ["type", "geometry", "properties"],
                "properties": {
                    "type": {"const": "Feature"},
                    "geometry": {"type": "object", "required": ["type", "coordinates"],
                                 "properties": {"type": {"const": "Point"},
                                                "coordinates": {"type": "array", "items": {"type": "number"},
                                                                "minItems": 2, "maxItems": 2}}},
                    "properties": {"type": "object", "required": ["code", "title", "category", "status", "agency",
                                                                  "published_at", "url"],
                                   "properties": {"code": {"type": "string"}, "title": {"type": "string"},
                                                  "category": {"type": "string"},
                                                  "status": {"enum": list(PUBLISHED_STATUSES)},
                                                  "agency": {"type": ["string", "null"]},
                                                  "published_at": DATETIME, "url": {"type": "string"}}}}}}},
    },
}

SCHEMAS["NewQuestion"] = {**SCHEMAS["NewPetition"],
                           "properties": {k: v for k, v in SCHEMAS["NewPetition"]["properties"].items()
                                          if k not in ("channel", "priority")}}
SCHEMAS["QuestionReceipt"] = {
    "type": "object", "required": ["code", "secret", "session_id"],
    "properties": {"code": {"type": "string"}, "secret": {"type": "string"}, "session_id": {"type": "integer"}}}
SCHEMAS["Sessions"] = {
    "type": "object", "required": ["sessions"],
    "properties": {"sessions": {"type": "array", "items": {
        "type": "object", "required": ["id", "kind", "leader", "office", "starts_at", "place", "target_group"],
        "properties": {"id": {"type": "integer"}, "kind": {"enum": ["dialogue", "reception"]},
                       "leader": {"type": "string"}, "office": {"type": "string"},
                       "level": {"enum": ["province", "commune"]},
                       "starts_at": {**DATETIME, "description": "Vietnam time, +07:00"},
                       "place": {"type": "string"}, "target_group": {"type": ["string", "null"]},
                       "target_group_name": {"type": ["string", "null"]}, "topics": {"type": "string"},
                       "status": {"type": "string"}}}}}}
_KIND_COUNTS = {"type": "object", "required": ["reception", "dialogue"], "properties": {"reception": {"type": "integer"}, "dialogue": {"type": "integer"}}}
SCHEMAS["Compliance"] = {
    "type": "object", "required": ["leaders"],
    "properties": {"from": DATE, "to": DATE, "leaders": {"type": "array", "items": {
        "type": "object",
        "required": ["name", "office", "level", "place", "required", "held", "conclusions_on_time", "compliant"],
        "properties": {"name": {"type": "string"}, "office": {"type": "string"}, "level": {"type": "string"},
                       "place": {"type": "string"}, "place_code": {"type": "string"},
                       "required": _KIND_COUNTS, "held": _KIND_COUNTS, "conclusions_due": {"type": "integer"},
                       "conclusions_on_time": {"type": "integer"}, "compliant": {"type": "boolean"},
                       "answered_on_time": {
                           "type": "object", "required": ["total", "answered", "on_time"],
                           "description": "Petitions raised at the leader's sessions counted here (questions asked "
                                          "ahead, citizens received): how many, answered, answered on time.",
                           "properties": {"total": {"type": "integer"}, "answered": {"type": "integer"},
                                          "on_time": {"type": "integer"}}},
                       "missed": {"type": "array", "items": {"type": "object"}}}}}}}

CODE_PARAM = {"name": "code", "in": "path", "required": True, "schema": {"type": "string"}}
BEARER = [{"bearer": []}]


def _paths() -> dict:
    return {
        "/petitions": {"post": {
            "summary": "Send a petition", "operationId": "createPetition",
            "parameters": [{"name": "Idempotency-Key", "in": "header", "required": False, "schema": {"type": "string"}}],
            "security": [{}, {"bearer": []}],
            "requestBody": {"required": True, **_json({"$ref": "#/components/schemas/NewPetition"})},
            "responses": {"201": {"description": "Received", **_json({"$ref": "#/components/schemas/PetitionReceipt"})},
                          **_error_responses(400, 401, 403, 409, 413, 415, 422, 429)}}},
        "/petitions/{code}": {"get": {
            "summary": "Follow a petition", "operationId": "getPetition",
            "parameters": [CODE_PARAM, {"name": "X-Tracking-Secret", "in": "header", "required": False,
                                        "schema": {"type": "string"}}],
            "security": [{}, {"bearer": []}],
            "responses": {"200": {"description": "The petition", **_json({"$ref": "#/components/schemas/Petition"})},
                          **_error_responses(401, 404)}}},
        "/petitions/{code}/photos": {"post": {
            "summary": "Add a photo (the sender within 7 days of sending, with the tracking secret; or a staff key)",
            "operationId": "addPhoto", "security": [{}, {"bearer": []}],
            "description": "JPEG, PNG, WebP or HEIC, at most 10 MB, at most 5 photos a petition. The type is read "
                           "from the bytes; the stored photo is re-encoded without metadata (EXIF, GPS, XMP).",
            "parameters": [CODE_PARAM, {"name": "X-Tracking-Secret", "in": "header", "required": False,
                                        "schema": {"type": "string"}}],
            "requestBody": {"required": True, "content": {"multipart/form-data": {"schema": {
                "type": "object", "required": ["photo"],
                "properties": {"photo": {"type": "string", "format": "binary"}}}}}},
            "responses": {"201": {"description": "Stored", **_json({"$ref": "#/components/schemas/PhotoAdded"})},
                          **_error_responses(400, 401, 403, 404, 409, 413, 422, 429)}}},
        "/agency/petitions": {"get": {
            "summary": "The key's agency's petitions", "operationId": "agencyPetitions", "security": BEARER,
            "parameters": [{"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1}},
                           {"name": "per_page", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 100}},
                           {"name": "status", "in": "query", "schema": {"type": "string"}}],
            "responses": {"200": {"description": "Items", **_json({"$ref": "#/components/schemas/AgencyItems"})},
                          **_error_responses(401, 403, 422)}}},
        "/petitions/{code}/answer": {"post": {
            "summary": "Answer (agency officer of the assigned agency)", "operationId": "answerPetition",
            "security": BEARER, "parameters": [CODE_PARAM],
            "requestBody": {"required": True, **_json({"type": "object", "required": ["content"],
                                                        "additionalProperties": False,
                                                        "properties": {"content": {"type": "string"}}})},
            "responses": {"200": {"description": "Answered", **_json({"$ref": "#/components/schemas/Status"})},
                          **_error_responses(400, 401, 403, 404, 409, 413, 415, 422, 429)}}},
        "/petitions/{code}/approve": {"post": {
            "summary": "Approve and publish (agency head)", "operationId": "approvePetition",
            "security": BEARER, "parameters": [CODE_PARAM],
            "responses": {"200": {"description": "Published", **_json({"$ref": "#/components/schemas/Status"})},
                          **_error_responses(401, 403, 404, 409, 422, 429)}}},
        "/petitions/{code}/reject": {"post": {
            "summary": "Reject with a reason and a note the sender reads (coordinator); an agency head's rejection "
                       "of their own unanswered item goes back to the coordinator (status `returned`)",
            "operationId": "rejectPetition", "security": BEARER, "parameters": [CODE_PARAM],
            "requestBody": {"required": True, **_json({"$ref": "#/components/schemas/RejectRequest"})},
            "responses": {"200": {"description": "`rejected`, or `returned` for an agency head's proposal",
                                  **_json({"type": "object", "required": ["status"],
                                           "properties": {"status": {"enum": ["rejected", "returned"]}}})},
                          **_error_responses(400, 401, 403, 404, 409, 413, 415, 422, 429)}}},
        "/classify": {"post": {
            "summary": "Classify a Vietnamese text", "operationId": "classify", "security": [{}],
            "requestBody": {"required": True, **_json({"type": "object", "required": ["text"],
                                                        "additionalProperties": False,
                                                        "properties": {"text": {"type": "string", "minLength": 1}}})},
            "responses": {"200": {"description": "Classification", **_json({"$ref": "#/components/schemas/Classification"})},
                          **_error_responses(400, 413, 415, 422, 429)}}},
        "/metrics": {"get": {
            "summary": "Response, on-time and satisfaction per agency", "operationId": "metrics", "security": [{}],
            "parameters": [{"name": "from", "in": "query", "required": True, "schema": DATE},
                           {"name": "to", "in": "query", "required": True, "schema": DATE}],
            "responses": {"200": {"description": "Metrics", **_json({"$ref": "#/components/schemas/Metrics"})},
                          **_error_responses(422)}}},
        "/map": {"get": {
            "summary": "Published petitions on the public map (GeoJSON, places rounded to about 100 m)",
            "operationId": "publicMap", "security": [{}],
            "parameters": [{"name": "bbox", "in": "query", "schema": {"type": "string"},
                            "description": "minLng,minLat,maxLng,maxLat"},
                           {"name": "category", "in": "query", "schema": {"type": "string"}},
                           {"name": "status", "in": "query", "schema": {"enum": list(PUBLISHED_STATUSES)}},
                           {"name": "agency", "in": "query", "schema": {"type": "string"}},
                           {"name": "from", "in": "query", "schema": DATE, "description": "published on or after"},
                           {"name": "to", "in": "query", "schema": DATE, "description": "published on or before"},
                           {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1}},
                           {"name": "per_page", "in": "query",
                            "schema": {"type": "integer", "minimum": 1, "maximum": 500}}],
            "responses": {"200": {"description": "A FeatureCollection, newest answer first",
                                  **_json({"$ref": "#/components/schemas/MapFeatures"})},
                          **_error_responses(422)}}},
        "/petitions/{code}/rating": {"post": {
            "summary": "Rate a published answer (citizen, with the tracking secret)", "operationId": "ratePetition",
            "security": [{}], "parameters": [CODE_PARAM],
            "requestBody": {"required": True, **_json({"$ref": "#/components/schemas/Rating"})},
            "responses": {"201": {"description": "Rated; `status` is where the petition is now: `reopened` (back to its "
                                                 "agency) or `returned` (to the coordinator) after “not resolved” "
                                                 "within 7 days of publication, else unchanged",
                                  **_json({"type": "object", "required": ["code", "scores", "resolved", "status"],
                                           "properties": {"code": {"type": "string"}, "scores": {"type": "object"},
                                                          "resolved": {"type": "boolean"},
                                                          "status": {"enum": list(STATUSES)}}})},
                          **_error_responses(400, 404, 409, 413, 415, 422, 429)}}},
        "/petitions/{code}/support": {"post": {
            "summary": "“Tôi cũng gặp vấn đề này”: support a public petition", "operationId": "supportPetition",
            "description": "Counted once per client for 30 days: the client is the phone given (only a keyed hash "
                           "of it is stored), else the address. Ended (closed) petitions take no more support.",
            "security": [{}, {"bearer": []}], "parameters": [CODE_PARAM],
            "requestBody": {"required": True, **_json({"type": "object", "additionalProperties": False,
                                                        "properties": {"phone": {"type": "string"}}})},
            "responses": {"201": {"description": "Counted", **_json({"$ref": "#/components/schemas/Supporters"})},
                          "200": {"description": "This client had already supported it within 30 days: the count "
                                                 "is unchanged", **_json({"$ref": "#/components/schemas/Supporters"})},
                          **_error_responses(400, 401, 404, 409, 413, 415, 422, 429)}}},
        "/sessions": {"get": {
            "summary": "Upcoming reception days and dialogues of the leaders, soonest first", "operationId": "sessions",
            "security": [{}],
            "parameters": [{"name": "status", "in": "query", "schema": {"enum": ["planned"], "default": "planned"}},
                           {"name": "level", "in": "query", "schema": {"enum": ["province", "commune"]}},
                           {"name": "target_group", "in": "query", "schema": {"type": "string"},
                            "description": "A target group code (thanh-nien, phu-nu, …)"}],
            "responses": {"200": {"description": "Sessions", **_json({"$ref": "#/components/schemas/Sessions"})},
                          **_error_responses(422)}}},
        "/sessions/{id}/questions": {"post": {
            "summary": "Send a question before a planned session (a petition linked to it, routed at once)",
            "operationId": "askQuestion", "security": [{}, {"bearer": []}],
            "parameters": [{"name": "id", "in": "path", "required": True,
                            "schema": {"type": "integer", "minimum": 1}}],
            "requestBody": {"required": True, **_json({"$ref": "#/components/schemas/NewQuestion"})},
            "responses": {"201": {"description": "Received", **_json({"$ref": "#/components/schemas/QuestionReceipt"})},
                          **_error_responses(400, 401, 404, 409, 413, 415, 422, 429)}}},
        "/leaders/compliance": {"get": {
            "summary": "Leaders' reception days and dialogues required vs held (committee key)",
            "operationId": "leadersCompliance", "security": BEARER,
            "description": "Required counts the whole calendar months, quarters and years within [from, to]; a "
                           "period is reported under the office's holder on its last day, with every session the "
                           "office held in it. compliant: no period fell short.",
            "parameters": [{"name": "from", "in": "query", "required": True, "schema": DATE},
                           {"name": "to", "in": "query", "required": True, "schema": DATE}],
            "responses": {"200": {"description": "Per leader", **_json({"$ref": "#/components/schemas/Compliance"})},
                          **_error_responses(401, 403, 422)}}},
        "/openapi.json": {"get": {"summary": "This document", "operationId": "openapi", "security": [{}],
                                  "responses": {"200": {"description": "OpenAPI 3 document", **_json({"type": "object"})}}}},
    }


@lru_cache(maxsize=1)
def openapi_spec() -> dict:
    return {
        "openapi": "3.1.0",
        "info": {"title": "Cổng phản ánh, kiến nghị — API", "version": "1.0.0",
                 "description": "JSON in UTF-8. Errors are {\"error\": {\"code\", \"message\"}}, in Vietnamese, "
                                "or English with Accept-Language: en."},
        "servers": [{"url": "/api/v1"}],
        "paths": _paths(),
        "components": {"schemas": SCHEMAS,
                       "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}}},
    }
