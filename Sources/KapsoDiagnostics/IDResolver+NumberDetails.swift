public import KapsoClient

// MARK: - A number's fields, as `whois` shows them

extension IDResolver {
    /// The fields of one of the project's numbers: names, ids, coexistence and Kapso's stored `status`, marked with the
    /// state a health read gave (`statusCell`: `CONNECTED (health: FLAGGED)`) when it differs.
    static func details(of number: PhoneNumber, statusCell: String? = nil) -> [Identity.Detail] {
        var details = [Identity.Detail("name", number.name ?? "-"), Identity.Detail("display number", number.displayPhoneNumber ?? "-")]
        details.append(Identity.Detail("phone-number id", number.id))
        if let waba = number.businessAccountID { details.append(Identity.Detail("WABA id", waba)) }
        if let kapso = number.internalID { details.append(Identity.Detail("Kapso id", kapso)) }
        if let customer = number.customerID { details.append(Identity.Detail("customer id", customer)) }
        details.append(
            Identity.Detail(
                "coexistence",
                number.isCoexistence ? "yes: shared with the WhatsApp Business app; history sync applies" : "no"))
        if let status = statusCell ?? number.status { details.append(Identity.Detail("status", status)) }
        return details
    }

    /// `identity`'s details for `number`, read against the session's health read of it (`Facts.healthReads`): a state the
    /// read gives and Kapso's record does not is marked in `status` and said in a warning, as `numbers` says it
    /// (`SenderState.difference`, probe41 P41-8).
    static func describe(_ number: PhoneNumber, in identity: inout Identity, facts: Facts) {
        let difference = facts.healthReads[number.id].flatMap { SenderState.difference(number, read: $0, fields: "status above") }
        identity.details = details(of: number, statusCell: difference.map { $0.statusCell(number.status) })
        if let difference { identity.warnings.append(difference.line) }
    }
}
