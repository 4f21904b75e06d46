internal import KapsoClient

// MARK: - Which ids of failed paths are looked up

extension FailureGroups {
    /// The forms the ids of failed paths are looked up by, each with its own budget (`lookUpPlan`), in the order asked.
    public enum LookUpForm: Int, Sendable, CaseIterable, Comparable {
        /// Digits under 15 (a contact's number, which `whois` names from the conversations).
        case number
        /// Other ids: Meta object ids (15 digits and more), UUIDs (conversation ids), user ids.
        case other
        /// Ids in a webhook slot of a path none of the project's webhooks has (`webhookSlotIDs`): a client polling a deleted
        /// webhook floods the log with them, and on the budget of `other` they pushed a conversation's 404 out of the
        /// look-ups (tester53b U12).
        case webhookSlot
        /// WAMIDs: their form names them without a look-up (probe19 P19-1), a look-up says whose message it is.
        case wamid

        public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// The form `id` is budgeted by; `webhookSlots` are the ids met in a webhook slot (`webhookSlotIDs`).
    public static func lookUpForm(_ id: String, webhookSlots: Set<String> = []) -> LookUpForm {
        switch IDInput.read(id) {
        case .success(.number(let number)) where !IDResolver.mayBeMetaObjectID(number): .number
        case .success(.wamid): .wamid
        default: webhookSlots.contains(id) ? .webhookSlot : .other
        }
    }

    /// `ids` (of `unknownPathIDs`, most recent first) in the order to ask the resolver about them when only a few can be
    /// (each is several look-ups): by `lookUpForm` (a phone number's digits, then other ids, webhook slots' ids, WAMIDs
    /// last), most recent first within each.
    public static func lookupOrder(_ ids: [String], webhookSlots: Set<String> = []) -> [String] {
        let forms = ids.map { lookUpForm($0, webhookSlots: webhookSlots) }
        return ids.indices.sorted { (forms[$0], $0) < (forms[$1], $1) }.map { ids[$0] }
    }

    /// `ids` (most recent first) split into those to look up, the newest `perForm` of each `lookUpForm` in `lookupOrder`,
    /// and those left (`Identity.notLookedUp`). One budget for all forms let a burst of one form starve the others: five
    /// failed webhook routes left a WAMID of a failed message read unread (tester52b K1, K18), four left a conversation id
    /// unread (tester53b U12).
    public static func lookUpPlan(_ ids: [String], perForm: Int, webhookSlots: Set<String> = []) -> (asked: [String], left: [String]) {
        var asked: [String] = []
        var left: [String] = []
        var spent: [LookUpForm: Int] = [:]
        for id in lookupOrder(ids, webhookSlots: webhookSlots) {
            let form = lookUpForm(id, webhookSlots: webhookSlots)
            if spent[form, default: 0] < perForm {
                spent[form, default: 0] += 1
                asked.append(id)
            } else {
                left.append(id)
            }
        }
        return (asked, left)
    }

    /// The ids in a webhook slot (`/whatsapp/webhooks/{id}`, `/phone_numbers/{id}/webhooks/{id}`) of the API calls among
    /// `entries`, for `lookUpPlan`'s own budget of them (tester53b U12).
    public static func webhookSlotIDs(_ entries: [ErrorTriage.Entry]) -> Set<String> {
        var ids: Set<String> = []
        for entry in entries where entry.source == .api {
            guard let endpoint = entry.json["endpoint"]?.string else { continue }
            if platformObjectID(endpoint) != nil, let object = APIPath.objectID(in: endpoint), object.collection == "webhooks" {
                ids.insert(object.id)
            } else if let (collection, id) = APIRoute.documented(endpoint)?.child, collection == "webhooks" {
                ids.insert(id)
            }
        }
        return ids
    }

    /// True when a webhook slot's id (`/whatsapp/webhooks/{id}`, `/phone_numbers/{id}/webhooks/{id}`) needs no look-up:
    /// one of `webhooks` (already read) has it, or it is a WAMID, whose form says it is no webhook id
    /// (`IDResolver.wrongCollectionID` names it) (tester52b K1, K18).
    static func webhookSlotKnown(_ id: String, webhooks: [Webhook]) -> Bool {
        if case .success(.wamid) = IDInput.read(id) { return true }
        return webhooks.contains { $0.id.lowercased() == id.lowercased() }
    }
}
