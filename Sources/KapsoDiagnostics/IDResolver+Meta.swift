public import KapsoClient

// MARK: - Meta's business and app ids, as health names them

extension IDResolver {
    /// Health reports read at most for one id, in all rounds: Kapso's health check is live, with its own limit of 5 a
    /// second and 60 a minute per project (kapso-api.md §2.3), so one look-up stays within a second's allowance.
    public static let maxHealthReads = 5

    /// The health look-ups that may tell what `input` is when nothing else did: digits that may be a Meta object id
    /// (15 and more, no `+` or `00`, as template ids) found as nothing (`identity.kind == .unknown`, every look-up
    /// answered). Empty otherwise, and once every WABA's ids are known (`nextHealthReads`): the caller reads, resolves
    /// again and asks again until this is empty.
    public static func healthLookups(for input: IDInput, after identity: Identity, facts: Facts) -> [Lookup] {
        guard case .number(let number) = input, mayBeMetaObjectID(number), identity.kind == .unknown else { return [] }
        // A failed health read leaves the answer incomplete anyway; any other failure too, and then health is not read.
        guard facts.failed.allSatisfy({ if case .health = $0 { true } else { false } }) else { return [] }
        return nextHealthReads(facts)
    }

    /// The next health reads that would name the Meta business and app ids of each WABA of `facts.numbers` not yet known
    /// (`healthGaps`): for each such WABA, in the API's order, its next number whose health was neither read nor failed;
    /// `maxHealthReads` reads in all at most. The ids are the WABA's (kapso-api.md §2.3: `messaging_health.details
    /// .entities[]` BUSINESS and APP, `webhook_subscription.details.app_id`), so one report that names them is enough.
    /// Meta always includes the WABA, business and app entities in a phone number's `health_status`
    /// (https://developers.facebook.com/documentation/business-messaging/whatsapp/support/health-status), but a report
    /// whose messaging_health Kapso could not fetch from Meta (`passed: null`, `error`) names none, and a shortened
    /// entity list has been seen too: then another number of the WABA is read (probe17 P17-3: one report without a
    /// BUSINESS entity was taken as "the id is not this project's business").
    public static func nextHealthReads(_ facts: Facts) -> [Lookup] {
        var done = facts.healths.count + facts.failed.filter { if case .health = $0 { true } else { false } }.count
        var lookups: [Lookup] = []
        for gap in healthGaps(facts) where done < maxHealthReads {
            guard let next = gap.unread.first else { continue }
            lookups.append(.health(next))
            done += 1
        }
        return lookups
    }

    /// A WABA of the project whose Meta business or app id no health report read so far names.
    struct HealthGap {
        var waba: String
        /// What is not known: `business`, `app` or both.
        var missing: [String]
        /// Its numbers whose health was read, and those neither read nor failed, in the API's order.
        var read: [PhoneNumber]
        var unread: [String]
        var failed: Int
    }

    /// The WABAs of `facts.numbers` whose business id (a BUSINESS entity) or app id (an APP entity or
    /// `webhook_subscription.app_id`) no report of `facts.healths` names, in the API's order.
    static func healthGaps(_ facts: Facts) -> [HealthGap] {
        var wabas: [String] = []
        for phone in facts.numbers where !wabas.contains(phone.businessAccountID ?? phone.id) {
            wabas.append(phone.businessAccountID ?? phone.id)
        }
        let failed = Set(facts.failed.compactMap { if case .health(let id) = $0 { id } else { nil } })
        return wabas.compactMap { waba in
            let numbers = facts.numbers.filter { ($0.businessAccountID ?? $0.id) == waba }
            let reports = facts.healths.filter { read in numbers.contains { $0.id == read.phoneNumberID } }
            let ids = reports.map { metaIDs(in: $0.report) }
            var missing: [String] = []
            if !ids.contains(where: { !$0.business.isEmpty }) { missing.append("business") }
            if !ids.contains(where: { !$0.app.isEmpty }) { missing.append("app") }
            guard !missing.isEmpty else { return nil }
            return HealthGap(
                waba: waba, missing: missing, read: numbers.filter { number in reports.contains { $0.phoneNumberID == number.id } },
                unread: numbers.map(\.id).filter { id in !failed.contains(id) && !reports.contains { $0.phoneNumberID == id } },
                failed: numbers.filter { failed.contains($0.id) }.count)
        }
    }

    /// `the Meta business id of WABA 200300400500601 (the health of Sales Line named none; 1 of its numbers not read)`: the
    /// part `unchecked` names for each `healthGaps` entry, when health was read for `input` and did not name it.
    static func healthUnchecked(_ facts: Facts) -> [String] {
        healthGaps(facts).map { gap in
            let what = gap.missing.count == 2 ? "business and app ids" : gap.missing[0] + " id"
            var why: [String] = []
            if !gap.read.isEmpty {
                why.append("the health of \(list(gap.read.map { $0.name ?? $0.id })) named none")
            }
            if gap.failed > 0 { why.append("the health of \(plural(gap.failed, "number")) could not be read") }
            if !gap.unread.isEmpty {
                why.append("\(plural(gap.unread.count, "number")) not read (at most \(maxHealthReads) health checks a look-up)")
            }
            return "the Meta \(what) of WABA \(gap.waba) (\(why.joined(separator: "; ")))"
        }
    }

    /// The Meta business and app ids a health report names.
    static func metaIDs(in report: PhoneNumberHealth) -> (business: [String], app: [String]) {
        var business: [String] = []
        var app: [String] = []
        for entity in report.check("messaging_health")?["details"]?["entities"]?.array ?? [] {
            guard let id = text(entity["id"]) else { continue }
            switch entity["entity_type"]?.string {
            case "BUSINESS": business.append(id)
            case "APP": app.append(id)
            default: break
            }
        }
        if let id = text(report.check("webhook_subscription")?["details"]?["app_id"]), !app.contains(id) { app.append(id) }
        return (business, app)
    }

    /// What each of `ids` is among the Meta business and app ids that the health reports of `facts` name
    /// (`metaEntityIdentity`), by id: the reading `errors` gives a project's own business or app id in a failed call's
    /// path, as `whois` does (probe17 P17-5). Ids no report names, and ids that cannot be Meta object ids, are left out.
    public static func metaEntityIdentities(_ ids: [String], facts: Facts) -> [String: Identity] {
        var found: [String: Identity] = [:]
        for id in metaObjectIDs(ids) {
            if let identity = metaEntityIdentity(id, typed: id, facts: facts) { found[id] = identity }
        }
        return found
    }

    /// Those of `ids` that may be Meta object ids (digits only, 15 and more), in order.
    public static func metaObjectIDs(_ ids: [String]) -> [String] {
        ids.filter { id in
            id.allSatisfy { $0.isASCII && $0.isNumber } && mayBeMetaObjectID(PhoneNumberText(digits: id, hasInternationalPrefix: false))
        }
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
            let ids = metaIDs(in: report)
            if ids.business.contains(digits) { business.append(phoneNumberID) }
            if ids.app.contains(digits) { app.append(phoneNumberID) }
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
        // The ids are the WABA's: every number under it shares them, read or not.
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
