"""The OpenAPI 3 document of /api/v1. Tests validate live responses against it."""
from functools import lru_cache

from portal.domain.lifecycle import PUBLISHED_STATUSES, STATUSES
from portal.models import CHANNELS

ERROR = {"$ref": "#/components/schemas/Error"}
DATE = {"type": "string", "format": "date"}
NULLABLE_DATE = {"type": ["string", "null"], "format": "date"}
DATETIME = {"type": "string", "format": "date-time"}
PERCENT = {"type": ["number", "null"], "minimum": 0, "maximum": 100}


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
        },
    },
    "PetitionReceipt": {
        "type": "object", "required": ["code", "secret", "status", "category", "agency", "due_date"],
        "description": "Where the server runs an intake worker (as `make run` does), the petition is stored at once and "
                       "classified and routed moments later: status is then `received`, with `agency` and `due_date` "
                       "null, and `category` null unless the sender chose one. Follow it with GET /petitions/{code}.",
        "properties": {"code": {"type": "string", "pattern": "^[A-Z]+-\\d{4}-\\d{6,}$"}, "secret": {"type": "string"},
                       "status": {"type": "string", "enum": list(STATUSES)},
                       "category": {"type": ["string", "null"]},
                       "agency": {"type": ["string", "null"]}, "due_date": NULLABLE_DATE},
    },
    "Petition": {
        "type": "object",
        "required": ["code", "status", "category", "agency", "due_date", "created_at", "events", "answer"],
        "properties": {
            "code": {"type": "string"}, "status": {"type": "string", "enum": list(STATUSES)},
            "category": {"type": "string"}, "agency": {"type": ["string", "null"]}, "due_date": NULLABLE_DATE,
            "created_at": DATETIME,
            "events": {"type": "array", "items": {"type": "object", "required": ["at", "status", "note"], "properties": {
                "at": DATETIME, "status": {"type": ["string", "null"]}, "note": {"type": "string"}}}},
            "answer": {"oneOf": [{"type": "null"}, {"type": "object", "required": ["content", "published_at"],
                                                   "properties": {"content": {"type": "string"},
                                                                  "published_at": DATETIME}}]},
            "photos": {"type": "array", "maxItems": 5, "description": "Signed URLs, each readable for about an hour",
                       "items": {"type": "object", "required": ["url", "thumbnail_url"],
                                 "properties": {"url": {"type": "string"}, "thumbnail_url": {"type": "string"}}}},
        },
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
                           "due_date": NULLABLE_DATE}}},
            "page": {"type": "integer"}, "per_page": {"type": "integer"}, "total": {"type": "integer"}},
    },
    "Status": {"type": "object", "required": ["status"], "properties": {"status": {"type": "string"}}},
    "Classification": {
        "type": "object", "required": ["category", "confidence", "agency", "alternatives"],
        "properties": {"category": {"type": "string"}, "confidence": {"type": "number", "minimum": 0, "maximum": 1},
                       "agency": {"type": ["string", "null"]},
                       "alternatives": {"type": "array", "maxItems": 3, "items": {
                           "type": "object", "required": ["category", "confidence"],
                           "properties": {"category": {"type": "string"},
                                          "confidence": {"type": "number", "minimum": 0, "maximum": 1}}}}},
    },
    "AgencyMetrics": {
        "type": "object",
        "required": ["code", "name", "received", "answered", "on_time", "overdue", "response_rate", "on_time_rate",
                     "satisfaction_index", "satisfaction_ci", "ratings", "rank", "rank_change", "below_threshold",
                     "reopened", "reopen_rate"],
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
                            "description": "reopened ÷ answered (published) in the period, in percent"}},
    },
    "Metrics": {
        "type": "object", "required": ["period", "overall", "agencies"],
        "properties": {
            "period": {"type": "object", "required": ["from", "to"], "properties": {"from": DATE, "to": DATE}},
            "overall": {"type": "object"},
            "agencies": {"type": "array", "items": {"$ref": "#/components/schemas/AgencyMetrics"}}},
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
