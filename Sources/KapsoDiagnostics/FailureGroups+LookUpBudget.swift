internal import KapsoClient

// MARK: - Which ids of failed paths are looked up

extension FailureGroups {
    /// The forms the ids of failed paths are looked up by, each with its own budget (`lookUpPlan`), in the order asked.
    public enum LookUpForm: Int, Sendable, CaseIterable, Comparable {
        /// Digits under 15 (a contact's number, which `whois` names from the conversations).
        case number
        /// Other ids: Meta object ids (15 digits and more), UUIDs (webhook, conversation ids), user ids.
        case other
        /// WAMIDs: their form names them without a look-up (probe19 P19-1), a look-up says whose message it is.
        case wamid

        public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// The form `id` is budgeted by.
    public static func lookUpForm(_ id: String) -> LookUpForm {
        switch IDInput.read(id) {
        case .success(.number(let number)) where !IDResolver.mayBeMetaObjectID(number): .number
        case .success(.wamid): .wamid
        default: .other
        }
    }

    /// `ids` (of `unknownPathIDs`, most recent first) in the order to ask the resolver about them when only a few can be
    /// (each is several look-ups): by `lookUpForm` (a phone number's digits, then other ids, WAMIDs last), most recent
    /// first within each.
    public static func lookupOrder(_ ids: [String]) -> [String] {
        ids.enumerated().sorted { (lookUpForm($0.element), $0.offset) < (lookUpForm($1.element), $1.offset) }.map(\.element)
    }

    /// `ids` (most recent first) split into those to look up, the newest `perForm` of each `lookUpForm` in `lookupOrder`,
    /// and those left (`Identity.notLookedUp`). One budget for all forms let a burst of one form starve the others: five
    /// failed webhook routes left a WAMID of a failed message read unread (tester52b K1, K18).
    public static func lookUpPlan(_ ids: [String], perForm: Int) -> (asked: [String], left: [String]) {
        var asked: [String] = []
        var left: [String] = []
        var spent: [LookUpForm: Int] = [:]
        for id in lookupOrder(ids) {
            let form = lookUpForm(id)
            if spent[form, default: 0] < perForm {
                spent[form, default: 0] += 1
                asked.append(id)
            } else {
                left.append(id)
            }
        }
        return (asked, left)
    }

    /// True when a webhook slot's id (`/whatsapp/webhooks/{id}`, `/phone_numbers/{id}/webhooks/{id}`) needs no look-up:
    /// one of `webhooks` (already read) has it, or it is a WAMID, whose form says it is no webhook id
    /// (`IDResolver.wrongCollectionID` names it) (tester52b K1, K18).
    static func webhookSlotKnown(_ id: String, webhooks: [Webhook]) -> Bool {
        if case .success(.wamid) = IDInput.read(id) { return true }
        return webhooks.contains { $0.id.lowercased() == id.lowercased() }
    }
}
