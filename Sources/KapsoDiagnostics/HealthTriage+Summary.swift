/// Kapso's overall `status` beside the checks that fail: one reading for every command that says a number's health
/// (`health`'s headline, `overview`'s HEALTH column, JSON `status` and `next:` line, `numbers`, `whois` and `use` through
/// `SenderState.HealthRead`).
///
/// Kapso's summary can say `healthy` while a check has `passed: false` (a DISCONNECTED connection, an expired coexistence
/// token) or details that show a failure under `passed: true` (kapso-api.md §2.3: the summary flags are cached up to
/// 3 min and can disagree with the checks). Probe44 P44-1: `overview` said "nothing to fix" and a bare `healthy` for two
/// numbers its own HEADLINE called blocking and its exit line counted as not healthy.
extension HealthTriage {
    /// What fails under a `healthy` summary, most severe first (`blocking`): `phone_number_connection failed` (Kapso's
    /// `passed: false`), or `the details of messaging_health show a failure` (`passed: true` contradicted by its details);
    /// nil when `status` is not `healthy` (the status says it) or no check fails.
    public func failureUnderHealthy(status: String) -> String? {
        guard status == "healthy", let failed = blocking else { return nil }
        return failed.contradiction != nil ? "the details of \(failed.check) show a failure" : "\(failed.check) failed"
    }

    /// Kapso's `status` as kops says it: `healthy by Kapso's summary, but token_validity failed` when a check fails under
    /// a `healthy` summary (`failureUnderHealthy`), else the status as Kapso gave it. Never a bare `healthy` for a number
    /// with a failed check.
    public func statusWords(status: String) -> String {
        failureUnderHealthy(status: status).map { "healthy by Kapso's summary, but \($0)" } ?? status
    }
}
