/// The simulated Kapso project: every resource, the clock and the counters, behind one actor.
actor SimulatorState {
    let apiKey: String
    let clock: SimulatorClock
    var ids: IDGenerator
    let projectID: String
    var phoneNumbers: RecordList
    var health: [String: JSONObject]
    var webhooks: RecordList
    var conversations: RecordList
    var messages: RecordList
    var deliveries: RecordList
    var apiLogs: RecordList
    var nextMessageSequence: Int
    let receiverOutcomes: [String: DeliveryOutcome]
    private(set) var requestCount = 0
    var deliveryCount = 0
    private var rateWindow = (minute: Int64(0), count: 0)

    static let rateLimitPerMinute = 1000
    static let simulatorKeyID = "9c0d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e99"

    init(apiKey: String, clock: SimulatorClock, seed: SeedData) {
        self.apiKey = apiKey
        self.clock = clock
        self.ids = IDGenerator(isSequential: clock.isFixed)
        self.projectID = seed.projectID
        self.phoneNumbers = RecordList(seed.phoneNumbers)
        self.health = seed.health
        self.webhooks = RecordList(seed.webhooks)
        self.conversations = RecordList(seed.conversations)
        self.messages = RecordList(seed.messages)
        self.deliveries = RecordList(seed.deliveries)
        self.apiLogs = RecordList(seed.apiLogs)
        self.nextMessageSequence = seed.nextMessageSequence
        self.receiverOutcomes = seed.receiverOutcomes
    }

    /// Answers one request: authenticates, routes, records it in the API logs, adds rate-limit headers.
    func respond(to request: APIRequest) -> APIResponse {
        requestCount += 1
        let now = clock.now
        guard let surface = Route.surface(of: request.segments) else { return .notFound }
        guard isAuthorized(request, surface: surface) else { return .error(401, "Invalid API key") }
        var response: APIResponse
        if let route = Route(method: request.method, segments: request.segments) {
            do {
                response = try handle(route, request, now: now)
            } catch {
                response = error.response
            }
        } else {
            response = .notFound
        }
        recordAPILog(request, response, now: now)
        response.headers += rateLimitHeaders(now: now)
        return response
    }

    private func handle(_ route: Route, _ request: APIRequest, now: Timestamp) throws(APIError) -> APIResponse {
        switch route {
        case .listPhoneNumbers: return try listPhoneNumbers(request)
        case .getPhoneNumber(let id): return .data(.object(try phoneNumber(id).json))
        case .health(let id): return try healthResponse(id, now: now)
        case .listNumberWebhooks(let id): return try listNumberWebhooks(id, request)
        case .createNumberWebhook(let id): return try createWebhook(request, scopedTo: id, now: now)
        case .getNumberWebhook(let id, let webhookID): return .data(.object(try webhook(webhookID, on: id).json))
        case .updateNumberWebhook(let id, let webhookID):
            return try updateWebhook(webhookID, on: id, request, now: now)
        case .deleteNumberWebhook(let id, let webhookID): return try deleteWebhook(webhookID, on: id)
        case .listWebhooks: return try listWebhooks(request)
        case .createWebhook: return try createWebhook(request, scopedTo: nil, now: now)
        case .getWebhook(let id): return .data(.object(try webhook(id, on: nil).json))
        case .updateWebhook(let id): return try updateWebhook(id, on: nil, request, now: now)
        case .deleteWebhook(let id): return try deleteWebhook(id, on: nil)
        case .testWebhook(let id): return try testWebhook(id, request, now: now)
        case .listDeliveries: return try listDeliveries(request, now: now)
        case .listAPILogs: return try listAPILogs(request, now: now)
        case .listMessages: return try listMessages(request)
        case .getMessage(let id): return try getMessage(id)
        case .listConversations: return try listConversations(request)
        case .getConversation(let id): return try getConversation(id)
        case .updateConversation(let id): return try updateConversation(id, request, now: now)
        case .sendMessage(let phoneNumberID): return try sendMessage(phoneNumberID, request, now: now)
        }
    }

    private func isAuthorized(_ request: APIRequest, surface: Route.Surface) -> Bool {
        if request.header("x-api-key") == apiKey { return true }
        guard surface == .metaProxy, let authorization = request.header("authorization") else { return false }
        return authorization == "Bearer " + apiKey
    }

    private func rateLimitHeaders(now: Timestamp) -> [(name: String, value: String)] {
        let minute = now.seconds / 60
        rateWindow = rateWindow.minute == minute ? (minute, rateWindow.count + 1) : (minute, 1)
        let remaining = max(0, Self.rateLimitPerMinute - rateWindow.count)
        return [("X-RateLimit-Limit", String(Self.rateLimitPerMinute)), ("X-RateLimit-Remaining", String(remaining))]
    }

    // Every authenticated call shows up in `GET /api_logs`, as it would for the project's key.
    private func recordAPILog(_ request: APIRequest, _ response: APIResponse, now: Timestamp) {
        let id = ids.uuid()
        let errorMessage: String? = response.status >= 400 ? Self.errorText(response.body) : nil
        let json: JSONObject = [
            "id": .string(id), "endpoint": .string(request.path), "http_method": .string(request.method),
            "response_status": .int(response.status), "response_time_ms": .int(clock.isFixed ? 1 : 2),
            "ip_address": "127.0.0.1", "error_message": JSONValue(errorMessage), "created_at": .string(now.iso),
            "api_key_id": .string(Self.simulatorKeyID), "api_key_name": "kapso-sim",
        ]
        apiLogs.insert(Record(id: id, sortTime: now, json: json))
    }

    private static func errorText(_ body: [UInt8]) -> String? {
        guard let document = try? JSONParser.parse(body), let error = document["error"] else { return nil }
        return error.stringValue ?? error["message"]?.stringValue
    }
}
