public import KapsoClient

// MARK: - A check's own text, and token_validity read against the number's coexistence

extension HealthTriage {
    /// The text a check's details give, as Kapso gave it: `details.error` or `details.message`, with Graph's `code` and
    /// `error_subcode` when given, e.g. `Error validating access token: The user has not authorized application
    /// 400500600700801. (190/458)`; nil when the details hold no text. kapso-api.md §2.3 lists no details for
    /// `token_validity` and none for a check it does not document; a failure's own words are the one lead either gives
    /// (tester51 G10: the table's DETAIL was empty and only 'output json' showed them).
    static func detailsText(_ details: JSONObject) -> String? {
        guard let text = details["error"]?.string ?? details["message"]?.string, !text.isEmpty else { return nil }
        let code = details["code"].flatMap { $0.int.map(String.init) ?? $0.string }
        let subcode = details["error_subcode"].flatMap { $0.int.map(String.init) ?? $0.string }
        let codes = [code, subcode].compactMap { $0 }.joined(separator: "/")
        return codes.isEmpty ? text : "\(text) (\(codes))"
    }

    /// A failed `token_validity` (kapso-api.md §2.3: run for coexistence numbers only, failure = critical). `coexistence`
    /// is the number's `is_coexistence` as listed (nil when not read): on a number marked `false` the check is not the
    /// documented coexistence one, so neither "coexistence token" nor "reconnect the WhatsApp Business App number" is
    /// said (a Cloud-API-only number has no Business App); Graph's 190 subcode, when given, says what refused the token
    /// (`ErrorCatalog.tokenSubcodes`, Graph's "Handling errors" guide). Details with no code and no text there say only that
    /// the check failed: no refusal is claimed and no reconnection prescribed (tester51b F8). The check's own `error`
    /// (`checkError`, beside `details`; kapso-api.md §2.3 gives each check `passed` and `details`, and Kapso adds `error` to
    /// a failed one) is its text too: a check that says "Error validating access token: Session has expired" did say why
    /// (tester66 W7: "failed without saying why" and "empty details" beside that very quote).
    static func readToken(_ finding: inout Finding, details: JSONObject, coexistence: Bool?, checkError: String? = nil) {
        finding.severity = .critical
        let subcode = details["error_subcode"].flatMap { $0.int ?? $0.string.flatMap { Int($0) } }
        let says = subcode.flatMap { ErrorCatalog.tokenSubcodes[$0] }.map { ": \($0.says)" } ?? ""
        guard coexistence == false else {
            finding.cause = "the coexistence token of this number is no longer valid" + says
            finding.fix = "reconnect the WhatsApp Business App number through Kapso's setup link"
            return
        }
        // No code and no text: nothing says the token was refused, and reconnecting is too disruptive a step to prescribe
        // on no evidence (tester51b F8).
        let code = details["code"].flatMap { $0.int.map(String.init) ?? $0.string }
        guard detailsText(details) != nil || checkError?.isEmpty == false || code != nil || subcode != nil else {
            finding.cause = "Kapso's token check failed without saying why (no code or text in its details), on a number the "
                + "list does not mark coexistence: Kapso documents token_validity for coexistence numbers only, so it may not "
                + "apply to this number"
            finding.fix = "ask Kapso support what the check found, quoting it (token_validity failed with empty details)"
            return
        }
        finding.cause = "Kapso's token check failed on a number the list does not mark coexistence (Kapso documents "
            + "token_validity for coexistence numbers only), so its Meta access token was refused" + says
        finding.fix = "reconnect the number in Kapso (setup link) so its access is authorised again; if it persists, ask "
            + "Kapso support, quoting this check's text"
    }
}
