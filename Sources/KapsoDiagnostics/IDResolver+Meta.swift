public import KapsoClient

// MARK: - Meta's business and app ids, as health names them

extension IDResolver {
    /// Health reports read at most for one id: one number per WABA, the first WABAs in the API's order.
    static let maxHealthReads = 3

    /// The health look-ups that may tell what `input` is when nothing else did: digits that may be a Meta object id
    /// (15 and more, no `+` or `00`, as template ids) found as nothing (`identity.kind == .unknown`, every look-up
    /// answered). One number per WABA, up to `maxHealthReads`: the business and app ids are the WABA's (kapso-api.md
    /// §2.3: `messaging_health.details.entities[]` BUSINESS and APP, `webhook_subscription.details.app_id`). Health is a
    /// live check with its own rate limit (5/s, 60/min per project), hence last and few. Empty otherwise.
    public static func healthLookups(for input: IDInput, after identity: Identity, facts: Facts) -> [Lookup] {
        guard case .number(let number) = input, mayBeMetaObjectID(number), identity.kind == .unknown, !identity.incomplete
        else { return [] }
        var wabas: [String] = []
        var lookups: [Lookup] = []
        for phone in facts.numbers where lookups.count < maxHealthReads {
            let waba = phone.businessAccountID ?? phone.id
            guard !wabas.contains(waba) else { continue }
            wabas.append(waba)
            lookups.append(.health(phone.id))
        }
        return lookups
    }

    /// Digits that may be a Meta object id (business, app, template): 15 digits and more, written without `+` or `00`.
    static func mayBeMetaObjectID(_ number: PhoneNumberText) -> Bool {
        number.digits.count >= 15 && !number.hasInternationalPrefix
    }

    /// What `digits` is among the health reports of `facts.healths`: the Meta business (portfolio) id of the numbers
    /// whose report lists it as a BUSINESS entity, or the Meta app id (an APP entity, or `webhook_subscription.app_id`,
    /// a string or, in older examples, a number). Nil when no report names it.
    static func metaEntityIdentity(_ digits: String, typed: String, facts: Facts) -> Identity? {
        var business: [String] = []
        var app: [String] = []
        for (phoneNumberID, report) in facts.healths {
            let entities = report.check("messaging_health")?["details"]?["entities"]?.array ?? []
            for entity in entities where text(entity["id"]) == digits {
                switch entity["entity_type"]?.string {
                case "BUSINESS": business.append(phoneNumberID)
                case "APP": app.append(phoneNumberID)
                default: break
                }
            }
            if text(report.check("webhook_subscription")?["details"]?["app_id"]) == digits, !app.contains(phoneNumberID) {
                app.append(phoneNumberID)
            }
        }
        let kind: Identity.Kind
        let ids: [String]
        let what: String
        if !business.isEmpty {
            (kind, ids, what) = (.metaBusinessID, business, "the Meta business (portfolio) id of this project's")
        } else if !app.isEmpty {
            (kind, ids, what) = (.metaAppID, app, "the Meta app id subscribed to the webhooks of this project's")
        } else {
            return nil
        }
        // One number per WABA was read: the id is the WABA's, so every number under it shares it.
        let wabas = ids.map { id in facts.numbers.first { $0.id == id }?.businessAccountID ?? id }
        let numbers = facts.numbers.filter { wabas.contains($0.businessAccountID ?? $0.id) }
        let read = plural(facts.healths.count, "number")
        var identity = Identity(
            input: typed, kind: kind,
            statement: "\(typed) is \(what) " + (numbers.count == 1 ? "number " : "numbers ")
                + (numbers.isEmpty ? list(ids) : owners(numbers)) + " (from health)",
            fix: "Kapso's API paths take the phone-number id, not Meta's \(kind == .metaAppID ? "app" : "business") id; "
                + (numbers.isEmpty ? "'numbers' lists them" : pick(numbers, command: "use")))
        identity.details = [
            Identity.Detail(
                "source",
                kind == .metaAppID
                    ? "health's webhook_subscription.app_id or messaging_health APP entity (\(read) read)"
                    : "health's messaging_health BUSINESS entity (\(read) read)"),
        ]
        identity.phoneNumberIDs = numbers.map(\.id)
        return identity
    }

    /// A JSON id as text: a string, or a number's literal (older examples send `app_id` as a number).
    private static func text(_ value: JSONValue?) -> String? {
        switch value {
        case .string(let text)?: text
        case .number(let literal)?: literal
        default: nil
        }
    }
}
