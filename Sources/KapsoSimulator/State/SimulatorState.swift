/// The simulated Kapso project: every resource, the clock and the counters, behind one actor.
actor SimulatorState {
    let apiKey: String
    var clock: SimulatorClock
    /// How much faster than real time retries and status progression run (`SimulatorOptions.timeScale`).
    let timeScale: Double
    let log: (@Sendable (String) -> Void)?
    var ids: IDGenerator
    let projectID: String
    var phoneNumbers: RecordList
    var health: [String: JSONObject]
    var webhooks: RecordList
    var conversations: RecordList
    var messages: RecordList
    var deliveries: RecordList
    var apiLogs: RecordList
    var templates: RecordList
    var marketingPreferences: [String: JSONObject]
    /// Most API-log rows kept (at least the seed's): past it, the oldest are dropped, so a long-running
    /// simulator's memory stays bounded.
    let apiLogLimit: Int
    var nextMessageSequence: Int
    let receiverOutcomes: [String: DeliveryOutcome]
    /// Test numbers' allowed lists (`SeedData.allowedRecipients`).
    let allowedRecipients: [String: Set<String>]
    /// Connections accepted so far (counted by the server, read for `GET /__sim/counters`).
    let connectionCount: @Sendable () -> Int
    private(set) var requestCount = 0
    var deliveryCount = 0
    private var rateWindow = (minute: Int64(0), count: 0)
    var faults: FaultInjector
    var healthLimiter = HealthLimiter()
    /// Health documents as last checked, by phone-number id: served again for `healthCacheSeconds`.
    var healthCache: [String: (document: JSONObject, checkedAt: Timestamp)] = [:]
    var timeline = Timeline()
    /// Webhook deliveries to loopback receivers that are still being attempted, by delivery id.
    var pendingAttempts: [String: PendingAttempt] = [:]
    /// Attempts to loopback receivers started without waiting (by a request, or at a look), by a serial number;
    /// each removes itself when done, and a clock advance waits for them.
    var runningAttempts: [Int: Task<Void, Never>] = [:]
    var attemptSerial = 0
    /// Deliveries to simulated receivers still being retried: the outcome the seed gives and the next attempt's time.
    var simulatedAttempts: [String: (outcome: DeliveryOutcome, due: Timestamp)] = [:]
    /// The due time a real-time wake-up is armed for, and its task.
    var wakeUp: (due: Timestamp, task: Task<Void, Never>)?
    var isStopped = false
    /// Whether log search is enabled; when not, `/log_search` answers `available: false`.
    var logSearchAvailable: Bool
    /// Message events in log search order, kept while the messages do not change.
    var messageEventIndex: MessageEventIndex?

    static let rateLimitPerMinute = 1000
    static let simulatorKeyID = "9c0d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e99"

    init(options: SimulatorOptions, clock: SimulatorClock, seed: SeedData, connectionCount: @escaping @Sendable () -> Int) {
        self.apiKey = options.apiKey
        self.clock = clock
        self.timeScale = options.timeScale
        self.log = options.log
        self.connectionCount = connectionCount
        self.faults = FaultInjector(options.faults, deterministic: clock.isFixed || options.sequentialIDs)
        self.ids = IDGenerator(isSequential: clock.isFixed || options.sequentialIDs)
        self.projectID = seed.projectID
        self.phoneNumbers = RecordList(seed.phoneNumbers)
        self.health = seed.health
        self.webhooks = RecordList(seed.webhooks)
        self.conversations = RecordList(seed.conversations)
        // The lists a `scale:N` seed makes big are ordered and indexed side by side.
        (self.messages, (self.deliveries, self.apiLogs)) = concurrently(
            { RecordList(seed.messages) }, { (RecordList(seed.deliveries), RecordList(seed.apiLogs, indexed: false)) })
        self.templates = RecordList(seed.templates)
        self.marketingPreferences = seed.marketingPreferences
        self.apiLogLimit = max(options.apiLogLimit, seed.apiLogs.count)
        self.nextMessageSequence = seed.nextMessageSequence
        self.receiverOutcomes = seed.receiverOutcomes
        self.allowedRecipients = seed.allowedRecipients
        self.logSearchAvailable = options.logSearchAvailable
    }

    /// How the server should answer one request.
    enum Reply: Sendable {
        case answer(APIResponse)
        /// Send the head of this response with its full `Content-Length`, part of the body, then close.
        case truncated(APIResponse)
        /// Close the connection without answering.
        case reset
    }

    /// Counts one request and decides which injected faults strike it; the control surface is never faulted
    /// nor counted, so a test can always reach it to clear faults or read counters.
    func admit(_ request: APIRequest) -> FaultInjector.Decision {
        guard Route.surface(of: request.segments) != .control else { return FaultInjector.Decision() }
        requestCount += 1
        return faults.decide(path: request.path)
    }

    /// The answer to `request`, or the fault that replaces it. A faulted request never reaches the API (no
    /// state change, no API log), except `truncate`, which cuts the API's real answer short.
    func reply(to request: APIRequest, fault: SimulatorFaults.Action?) async -> Reply {
        switch fault {
        case nil: return .answer(await respond(to: request))
        case .truncate?:
            emit("fault: truncating \(request.method) \(request.path)")
            return .truncated(await respond(to: request))
        case .reset?:
            emit("fault: resetting \(request.method) \(request.path)")
            return .reset
        case .html?:
            emit("fault: HTML 502 for \(request.method) \(request.path)")
            return .answer(.gatewayPage)
        case .status(let status, let retryAfter)?:
            emit("fault: \(status) for \(request.method) \(request.path)")
            let graph = Route.surface(of: request.segments) == .metaProxy ? ids.hex(23) : nil
            return .answer(.fault(status: status, retryAfter: retryAfter, graphTraceID: graph))
        }
    }

    /// An answer given before any route runs (a duplicated header, a request the HTTP layer refused) in the shape
    /// of the surface `target` belongs to: a Graph error object on the Meta proxy, `{"error": message}` elsewhere.
    func refusal(status: Int, message: String, target: String?) -> APIResponse {
        let path = target.map { $0.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? $0 }
        let segments = path?.split(separator: "/").map(String.init) ?? []
        guard Route.surface(of: segments) == .metaProxy else { return .error(status, message) }
        return .json(status, GraphError.forStatus(status, details: message, traceID: ids.hex(23)))
    }

    /// Answers one request: authenticates, routes, records it in the API logs, adds rate-limit headers.
    func respond(to request: APIRequest) async -> APIResponse {
        guard let surface = Route.surface(of: request.segments) else { return .notFound }
        guard isAuthorized(request, surface: surface) else {
            // The Meta proxy answers like Graph does, even before routing: code 190 is Graph's bad-token code.
            guard surface == .metaProxy else { return .error(401, "Invalid API key") }
            return .json(401, GraphError.body(code: 190, type: "OAuthException", message: "Invalid API key", traceID: ids.hex(23)))
        }
        if surface == .control { return await control(request) }
        await runDue(waitingForAttempts: false)
        let now = clock.now
        var response: APIResponse
        if let route = Route(method: request.method, segments: request.segments) {
            do {
                try requireJSONBody(request, surface: surface)
                response = try handle(route, request, now: now)
            } catch {
                response = error.response
            }
        } else if case let allowed = Route.methods(for: request.segments), !allowed.isEmpty {
            // A path the simulator serves, asked with another method: 405 and the methods it takes.
            let message = "Method \(request.method) not allowed on \(request.path); use \(allowed.joined(separator: ", "))"
            response = surface == .metaProxy
                ? .json(405, GraphError.body(code: 100, type: "GraphMethodException", message: "(#100) " + message, traceID: ids.hex(23)))
                : .error(405, message)
            response.headers.append(("Allow", allowed.joined(separator: ", ")))
        } else if surface == .metaProxy {
            // Not served by the simulator: 404 as on the Platform side, in Graph's shape like every proxy answer.
            let message = "(#100) Unsupported \(request.method.lowercased()) request on \(request.path)"
            response = .json(404, GraphError.body(code: 100, type: "GraphMethodException", message: message, traceID: ids.hex(23)))
        } else {
            response = .notFound
        }
        recordAPILog(request, response, now: now)
        response.headers += rateLimitHeaders(now: now)
        // The simulator's clock, so clients judge 24-hour windows by it (kops reads `Date`).
        response.headers.append(("Date", clock.now.httpDate))
        return response
    }

    /// Stops retries and wake-ups; in-flight webhook attempts finish without scheduling more.
    func shutdown() {
        isStopped = true
        wakeUp?.task.cancel()
        wakeUp = nil
        timeline = Timeline()
        pendingAttempts = [:]
        simulatedAttempts = [:]
    }

    /// Passes one event line to the log sink, if any.
    func emit(_ line: @autoclosure () -> String) {
        log?(line())
    }

    private func handle(_ route: Route, _ request: APIRequest, now: Timestamp) throws(APIError) -> APIResponse {
        switch route {
        case .listPhoneNumbers: return try listPhoneNumbers(request)
        case .getPhoneNumber(let id): return .data(.object(try phoneNumber(id).json))
        case .health(let id): return try healthResponse(id)
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
        case .proxyMessageHistory(let phoneNumberID): throw proxyMessageHistory(phoneNumberID)
        case .listTemplates(let businessAccountID): return try listTemplates(businessAccountID, request)
        case .marketingPreferences(let contact): return try marketingPreferences(of: contact)
        case .marketingPreference(let contact, let phoneNumberID):
            return try marketingPreference(of: contact, on: phoneNumberID)
        case .logSearch: return try logSearch(request, now: now)
        case .logSearchCatalog: return logSearchCatalog()
        }
    }

    private func isAuthorized(_ request: APIRequest, surface: Route.Surface) -> Bool {
        if request.header("x-api-key") == apiKey { return true }
        guard surface == .metaProxy, let authorization = request.header("authorization") else { return false }
        return authorization == "Bearer " + apiKey
    }

    /// A body must be declared JSON when it is declared at all (an absent `Content-Type` is let through).
    func requireJSONBody(_ request: APIRequest, surface: Route.Surface) throws(APIError) {
        guard !request.body.isEmpty, let declared = request.header("content-type") else { return }
        let type = declared.split(separator: ";").first.map { $0.trimmingSpaces.lowercased() } ?? ""
        guard type != "application/json", !type.hasSuffix("+json") else { return }
        let message = "Content-Type must be application/json, not \(declared)"
        guard surface == .metaProxy else { throw .badRequest(message) }
        throw APIError(.json(400, GraphError.body(code: 100, type: "OAuthException", message: "(#100) \(message)", traceID: ids.hex(23))))
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
            "response_status": .int(response.status), "response_time_ms": .int(ids.isSequential ? 1 : 2),
            "ip_address": "127.0.0.1", "error_message": JSONValue(errorMessage), "created_at": .string(now.iso),
            "api_key_id": .string(Self.simulatorKeyID), "api_key_name": "kapso-sim",
        ]
        apiLogs.insert(Record(id: id, sortTime: now, json: json))
        // Dropped in batches of an eighth of the limit, so each request's share of the cost stays constant.
        if apiLogs.count > apiLogLimit + apiLogLimit / 8 { apiLogs.dropOldest(keeping: apiLogLimit) }
    }

    private static func errorText(_ body: [UInt8]) -> String? {
        guard let document = try? JSONParser.parse(body), let error = document["error"] else { return nil }
        return error.stringValue ?? error["message"]?.stringValue
    }
}

extension Substring {
    /// Without leading and trailing spaces and tabs.
    var trimmingSpaces: Substring {
        var text = self
        while let first = text.first, first == " " || first == "\t" { text.removeFirst() }
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        return text
    }
}
