internal import Foundation
public import KapsoClient

/// One list of what went wrong, newest first: failed outbound messages, API errors and failed deliveries.
public struct ErrorTriage {
    /// Where an entry comes from; the `--source` names.
    public enum Source: String, CaseIterable {
        case message, api, webhook
    }

    /// One failure with its meaning and the next step.
    public struct Entry {
        /// ISO-8601 UTC, for sorting and display.
        public var time: String
        public var source: Source
        public var subject: String
        public var error: String
        public var meaning: String
        public var json: JSONObject
    }

    public private(set) var entries: [Entry] = []

    public init() {}

    /// Adds failed outbound messages (a `/whatsapp/messages` page) whose failure is at or after `since` (Unix seconds).
    public mutating func addMessages(_ page: JSONValue, since: Int64) {
        for message in page["data"]?.array?.compactMap(\.object) ?? [] {
            let kapso = message["kapso"]
            let failed = kapso?["statuses"]?.array?.last { $0["status"]?.string == "failed" }
            let unix = Int64(failed?["timestamp"]?.string ?? message["timestamp"]?.string ?? "") ?? 0
            guard unix >= since else { continue }
            let error = failed?["errors"]?[0]
            let code = error?["code"]?.int.map(String.init) ?? error?["code"]?.string
            let title = error?["title"]?.string ?? error?["message"]?.string ?? "failed"
            let to = kapso?["phone_number"]?.string ?? message["to"]?.string ?? "?"
            let entry = code.flatMap(ErrorCatalog.entry(for:))
            entries.append(
                Entry(
                    time: KapsoTime.iso(unix), source: .message,
                    subject: "message to \(to) (\(message["type"]?.string ?? "?"))",
                    error: code.map { "\($0) \(title)" } ?? title,
                    meaning: entry.map { "\($0.name): \($0.fix)" } ?? "see 'explain CODE' or Meta's error reference",
                    json: message))
        }
    }

    /// Adds API calls answered with an error (an `/api_logs` page).
    public mutating func addAPILogs(_ logs: [APILog]) {
        for log in logs where log.responseStatus >= 400 {
            entries.append(
                Entry(
                    time: log.createdAt, source: .api, subject: "\(log.httpMethod) \(log.endpoint)",
                    error: "\(log.responseStatus) \(log.errorMessage ?? "")".trimmingTrailingSpace(),
                    meaning: Self.meaning(of: log), json: log.json))
        }
    }

    /// Adds failed deliveries (a `/webhook_deliveries` page).
    public mutating func addDeliveries(_ deliveries: [WebhookDelivery]) {
        for delivery in deliveries where delivery.status == "failed" {
            let answer = delivery.responseStatus.map { "HTTP \($0)" } ?? "no response"
            entries.append(
                Entry(
                    time: delivery.createdAt, source: .webhook,
                    subject: "\(delivery.event) to \(WebhookURL.short(delivery.webhookURL))",
                    error: "\(answer) after \(delivery.attemptCount) attempts",
                    meaning:
                        "the receiver must answer 200 within 10 s; see 'deliveries --webhook \(delivery.webhookID) --errors'",
                    json: delivery.json))
        }
    }

    /// Newest first, at most `limit`.
    public func newest(_ limit: Int) -> [Entry] {
        Array(entries.sorted { $0.time > $1.time }.prefix(limit))
    }

    private static func meaning(of log: APILog) -> String {
        let message = log.errorMessage ?? ""
        if let open = message.range(of: "(#"), let close = message[open.upperBound...].firstIndex(of: ")"),
            let entry = ErrorCatalog.entry(for: String(message[open.upperBound..<close]))
        {
            if entry.code == "100", log.responseStatus == 404 {
                return
                    "the id in the path does not exist (a WABA id used as a phone-number id?); 'numbers' lists the ids"
            }
            return "\(entry.name): \(entry.fix)"
        }
        switch log.responseStatus {
        case 401: return "the key was rejected; check which key the caller uses"
        case 404: return "the id in the path is not in this project; 'numbers' lists the phone-number ids"
        case 429: return "rate limited; the caller must back off and honour Retry-After"
        case 500...: return "Kapso or Meta failed; retry, and check Kapso's status if it persists"
        default: return "the request was refused; the error text says which field"
        }
    }
}

extension String {
    fileprivate func trimmingTrailingSpace() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
