/// The endpoints the simulator serves, parsed from a method and the decoded path segments.
enum Route: Sendable, Equatable {
    case listPhoneNumbers
    case getPhoneNumber(String)
    case health(String)
    case listNumberWebhooks(String)
    case createNumberWebhook(String)
    case getNumberWebhook(String, webhookID: String)
    case updateNumberWebhook(String, webhookID: String)
    case deleteNumberWebhook(String, webhookID: String)
    case listWebhooks
    case createWebhook
    case getWebhook(String)
    case updateWebhook(String)
    case deleteWebhook(String)
    case testWebhook(String)
    case listDeliveries
    case listAPILogs
    case listMessages
    case getMessage(String)
    case listConversations
    case getConversation(String)
    case updateConversation(String)
    case sendMessage(phoneNumberID: String)
    /// `GET /{phone_number_id}/messages` (proxy history, kapso-api.md §8.4): answered, but not served.
    case proxyMessageHistory(phoneNumberID: String)
    case listTemplates(businessAccountID: String)
    case marketingPreferences(contact: String)
    case marketingPreference(contact: String, phoneNumberID: String)
    case logSearch
    case logSearchCatalog

    /// Which surface a path belongs to; nil for paths outside all three.
    enum Surface {
        case platform
        case metaProxy
        /// The simulator's own control endpoints under `/__sim/` (faults, clock, counters).
        case control
    }

    /// The surface of `segments` (`platform/v1/...`, `meta/whatsapp/vNN.N/...` or `__sim/...`).
    static func surface(of segments: [String]) -> Surface? {
        if segments.starts(with: ["platform", "v1"]) { return .platform }
        if segments.first == "__sim" { return .control }
        if segments.starts(with: ["meta", "whatsapp"]), segments.count >= 3, isGraphVersion(segments[2]) {
            return .metaProxy
        }
        return nil
    }

    init?(method: String, segments: [String]) {
        switch Self.surface(of: segments) {
        case .platform?: self.init(platform: method, Array(segments.dropFirst(2)))
        case .metaProxy?: self.init(proxy: method, Array(segments.dropFirst(3)))
        case .control?, nil: return nil
        }
    }

    private init?(proxy method: String, _ path: [String]) {
        switch (method, path.count, path.last) {
        case ("POST", 2, "messages"?): self = .sendMessage(phoneNumberID: path[0])
        case ("GET", 2, "messages"?): self = .proxyMessageHistory(phoneNumberID: path[0])
        case ("GET", 2, "message_templates"?): self = .listTemplates(businessAccountID: path[0])
        default: return nil
        }
    }

    // One switch over the path's shape, then the method.
    private init?(platform method: String, _ path: [String]) {
        switch (path.count, path.first) {
        case (1, "webhook_deliveries"?) where method == "GET": self = .listDeliveries
        case (1, "api_logs"?) where method == "GET": self = .listAPILogs
        case (1, "log_search"?) where method == "GET" || method == "POST": self = .logSearch
        case (2, "log_search"?) where path[1] == "catalog" && method == "GET": self = .logSearchCatalog
        case (_, "whatsapp"?) where path.count >= 2:
            guard let route = Self.whatsapp(method, Array(path.dropFirst())) else { return nil }
            self = route
        default: return nil
        }
    }

    private static func whatsapp(_ method: String, _ path: [String]) -> Route? {
        switch (path[0], path.count, method) {
        case ("phone_numbers", 1, "GET"): .listPhoneNumbers
        case ("phone_numbers", 2, "GET"): .getPhoneNumber(path[1])
        case ("phone_numbers", 3, "GET") where path[2] == "health": .health(path[1])
        case ("phone_numbers", 3, _) where path[2] == "webhooks":
            method == "GET" ? .listNumberWebhooks(path[1]) : method == "POST" ? .createNumberWebhook(path[1]) : nil
        case ("phone_numbers", 4, _) where path[2] == "webhooks":
            switch method {
            case "GET": .getNumberWebhook(path[1], webhookID: path[3])
            case "PATCH": .updateNumberWebhook(path[1], webhookID: path[3])
            case "DELETE": .deleteNumberWebhook(path[1], webhookID: path[3])
            default: nil
            }
        case ("webhooks", 1, "GET"): .listWebhooks
        case ("webhooks", 1, "POST"): .createWebhook
        case ("webhooks", 2, "GET"): .getWebhook(path[1])
        case ("webhooks", 2, "PATCH"): .updateWebhook(path[1])
        case ("webhooks", 2, "DELETE"): .deleteWebhook(path[1])
        case ("webhooks", 3, "POST") where path[2] == "test": .testWebhook(path[1])
        case ("messages", 1, "GET"): .listMessages
        case ("messages", 2, "GET"): .getMessage(path[1])
        case ("conversations", 1, "GET"): .listConversations
        case ("conversations", 2, "GET"): .getConversation(path[1])
        case ("conversations", 2, "PATCH"): .updateConversation(path[1])
        case ("contacts", 3, "GET") where path[2] == "marketing_preferences": .marketingPreferences(contact: path[1])
        case ("contacts", 4, "GET") where path[2] == "marketing_preferences":
            .marketingPreference(contact: path[1], phoneNumberID: path[3])
        default: nil
        }
    }

    /// The methods the simulator serves on `segments`' path (empty for a path it does not serve).
    static func methods(for segments: [String]) -> [String] {
        ["GET", "POST", "PATCH", "DELETE"].filter { Route(method: $0, segments: segments) != nil }
    }

    /// `v24.0`, `v21.0`, `24.0`: any Graph API version segment.
    private static func isGraphVersion(_ text: String) -> Bool {
        let digits = text.hasPrefix("v") ? text.dropFirst() : Substring(text)
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        return (1...2).contains(parts.count) && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
    }
}
