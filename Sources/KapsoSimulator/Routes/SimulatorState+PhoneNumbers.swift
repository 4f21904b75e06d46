// MARK: - Phone numbers and health

extension SimulatorState {
    static let phoneNumberNotFound = "WhatsApp phone number not found or not accessible in this project"

    /// `GET /whatsapp/phone_numbers`: page style, newest first, with the contract's cheap filters.
    func listPhoneNumbers(_ request: APIRequest) throws(APIError) -> APIResponse {
        try uuidFilter(request.query, "customer_id")
        let page = try PageQuery.parse(request.query)
        let query = request.query
        let createdAfter = try timeFilter(query, "created_after")
        let createdBefore = try timeFilter(query, "created_before")
        let messagingEnabled = try boolFilter(query, "messaging_enabled")
        let items = phoneNumbers.records.filter { record in
            let json = record.json
            if let messagingEnabled, (json["status"]?.stringValue == "CONNECTED") != messagingEnabled { return false }
            if let id = query["phone_number_id"], json["id"]?.stringValue != id { return false }
            if let waba = query["business_account_id"], json["business_account_id"]?.stringValue != waba { return false }
            if let customer = query["customer_id"], json["customer_id"]?.stringValue != customer { return false }
            if let name = query["name_contains"],
                !(json["name"]?.stringValue ?? "").lowercased().contains(name.lowercased())
            {
                return false
            }
            if let after = createdAfter, record.sortTime < after { return false }
            if let before = createdBefore, record.sortTime > before { return false }
            return true
        }
        return page.response(for: items.map { .object($0.json) }, request: request)
    }

    /// The phone number with Meta id `id`, or the documented 404.
    func phoneNumber(_ id: String) throws(APIError) -> Record {
        guard let record = phoneNumbers[id] else { throw .notFound(Self.phoneNumberNotFound) }
        return record
    }

    /// How long a health check is served again before it is run anew (Kapso caches ~3 minutes per number).
    static let healthCacheSeconds: Int64 = 180

    /// `GET .../{id}/health`: the bare health object, checked at most every 3 minutes per number, behind the
    /// health limiter (5/s and 60/min per project → 429 with `Retry-After`); `X-Health-RateLimit-*` on each.
    func healthResponse(_ id: String) throws(APIError) -> APIResponse {
        var decision = healthLimiter.admit(at: clock.limiterTime)
        if !decision.allowed, clock.isFixed, let wait = decision.retryAfter {
            // Deterministic mode plays the client that honours Retry-After, on the limiter's own time: the check is
            // made where the exhausted window has ended, and the fixed clock (`now`, `Date`, ages) does not move
            // (docs/simulator-requests.md; tester67 Y8).
            clock.waitForLimiter(byMicroseconds: Int64(wait) * 1_000_000)
            emit("health limit reached for \(id); deterministic mode waited \(wait) s on the limiter's time, as a client honouring Retry-After would (the clock stays)")
            decision = healthLimiter.admit(at: clock.limiterTime)
        }
        guard decision.allowed else {
            let wait = decision.retryAfter ?? 1
            emit("health rate limit exceeded for \(id); retry after \(wait) s")
            var response = APIResponse.json(429, [
                "error": "Rate limit exceeded",
                "message": .string(
                    "Health checks are limited to \(HealthLimiter.perSecond) per second and \(HealthLimiter.perMinute) per minute per project; retry in \(wait) s"),
            ])
            response.headers += decision.headers
            return response
        }
        let number = try phoneNumber(id)
        let now = clock.now
        let document: JSONObject
        if let cached = healthCache[id], now.micros - cached.checkedAt.micros < Self.healthCacheSeconds * 1_000_000 {
            document = cached.document
        } else {
            let stored = health[id] ?? Self.defaultHealth(for: number.json)
            var fresh: JSONObject = ["status": stored["status"] ?? "healthy", "timestamp": .string(now.iso)]
            for member in stored.members where member.key != "status" && member.key != "timestamp" {
                fresh[member.key] = member.value
            }
            healthCache[id] = (fresh, now)
            document = fresh
        }
        var response = APIResponse.json(200, .object(document))
        response.headers += decision.headers
        return response
    }

    /// A healthy result built from the number's own fields, for seeds that bring no health document.
    static func defaultHealth(for number: JSONObject) -> JSONObject {
        let id = number["id"] ?? .null
        let verifiedAt = number["webhook_verified_at"] ?? .null
        let access: JSONValue = [
            "verified_name": number["verified_name"] ?? .null,
            "display_phone_number": number["display_phone_number"] ?? .null,
            "quality_rating": number["quality_rating"] ?? .null, "status": number["status"] ?? "CONNECTED",
            "throughput_tier": number["throughput_tier"] ?? .null, "id": id,
        ]
        let entity: JSONValue = ["entity_type": "PHONE_NUMBER", "id": id, "can_send_message": "AVAILABLE"]
        return [
            "status": verifiedAt.isNull ? "degraded" : "healthy",
            "checks": [
                "phone_number_access": ["passed": true, "details": access],
                "phone_number_connection": ["passed": true, "details": ["status": "CONNECTED"]],
                "messaging_health": [
                    "passed": true, "overall_status": "AVAILABLE",
                    "details": ["can_send_message": "AVAILABLE", "entities": [entity]],
                ],
                "webhook_subscription": [
                    "passed": true,
                    "details": ["app_id": "400500600700801", "subscribed": true, "subscribed_fields": ["messages"]],
                ],
                "webhook_verified": [
                    "passed": .bool(!verifiedAt.isNull),
                    "details": [
                        "verified_at": verifiedAt,
                        "message": verifiedAt.isNull
                            ? "Meta has not verified the webhook for this number yet" : "Webhook verified by Meta",
                    ],
                ],
            ],
        ]
    }

    /// Reads an ISO-8601 query parameter; 400 when present but unparseable.
    func timeFilter(_ query: [String: String], _ name: String) throws(APIError) -> Timestamp? {
        guard let text = query[name] else { return nil }
        guard let time = Timestamp(iso: text) else { throw .badRequest("Invalid \(name) parameter") }
        return time
    }

    /// Refuses (400) a query parameter the spec types `format: uuid` that is not one.
    func uuidFilter(_ query: [String: String], _ name: String) throws(APIError) {
        if let text = query[name], !IDGenerator.isUUID(text) { throw .badRequest("Invalid \(name) parameter: expected a UUID") }
    }

    /// Reads a boolean query parameter (`true`/`false`/`1`/`0`); 400 when present but not a boolean.
    func boolFilter(_ query: [String: String], _ name: String) throws(APIError) -> Bool? {
        switch query[name]?.lowercased() {
        case nil: return nil
        case "true"?, "1"?: return true
        case "false"?, "0"?: return false
        default: throw .badRequest("Invalid \(name) parameter")
        }
    }
}
