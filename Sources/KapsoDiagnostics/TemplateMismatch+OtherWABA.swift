public import KapsoClient

extension TemplateMismatch {
    /// The versions of a template name on another WABA of the project, with the project's numbers on that WABA.
    /// Templates are per WABA and sending is per number (kapso-api.md §14.3: CRUD takes the WABA id, a send the
    /// phone-number id), so a template made on one WABA is "missing" to a number of another (tester54 V20).
    public struct OtherWABA: Sendable, Equatable {
        public var businessAccountID: String
        public var numbers: [PhoneNumber]
        public var templates: [MessageTemplate]

        public init(businessAccountID: String, numbers: [PhoneNumber], templates: [MessageTemplate]) {
            self.businessAccountID = businessAccountID
            self.numbers = numbers
            self.templates = templates
        }

        /// The same WABA, numbers (by id) and templates.
        public static func == (one: Self, other: Self) -> Bool {
            one.businessAccountID == other.businessAccountID && one.numbers.map(\.id) == other.numbers.map(\.id)
                && one.templates == other.templates
        }

        /// The project's WABAs other than `businessAccountID`, each with its numbers, in the order the numbers list them.
        public static func wabas(besides businessAccountID: String, numbers: [PhoneNumber]) -> [(String, [PhoneNumber])] {
            var order: [String] = []
            for waba in numbers.compactMap(\.businessAccountID) where waba != businessAccountID && !waba.isEmpty && !order.contains(waba) {
                order.append(waba)
            }
            return order.map { waba in (waba, numbers.filter { $0.businessAccountID == waba }) }
        }
    }

    /// `order_update is on WABA 200300400500699 (en_US APPROVED, es PAUSED), the WABA of Sales Line 100200300400502:
    /// send from that number ('use 100200300400502') or create it on WABA 200300400500601`; nil when no other WABA has it.
    public static func elsewhere(_ name: String, on others: [OtherWABA], notOn businessAccountID: String) -> String? {
        let holding = others.filter { other in other.templates.contains { $0.name == name } }
        guard !holding.isEmpty else { return nil }
        let places = holding.map { other in
            let versions = other.templates.filter { $0.name == name }.sorted { $0.language < $1.language }.map { "\($0.language) \($0.status)" }.joined(separator: ", ")
            let owners = other.numbers.map { "\($0.name ?? $0.displayPhoneNumber ?? "number") \($0.id)" }
            return "WABA \(other.businessAccountID) (\(versions))"
                + (owners.isEmpty ? "" : ", the WABA of " + IDResolver.list(owners))
        }
        let senders = holding.flatMap(\.numbers).map { "'use \($0.id)'" }
        return "\(name) is on " + IDResolver.list(places) + ": templates are per WABA, so send from "
            + (senders.isEmpty ? "a number of that WABA" : "that number (" + senders.joined(separator: " or ") + ")")
            + " or create it on WABA \(businessAccountID)"
    }
}
