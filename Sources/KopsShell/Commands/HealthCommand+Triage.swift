internal import KapsoClient
internal import KapsoDiagnostics

extension HealthCommand {
    /// `health`'s reading of `id`'s report: the number's newest inbound message when the webhook checks fail, whether it
    /// is a coexistence number and its display name's review state (from `listed`, else the session's record of it), and
    /// the report's age against the API's clock. `kops check` reads a health read made before the recording so again
    /// (tester69b D11).
    static func triage(of health: PhoneNumberHealth, id: String, listed: PhoneNumber?, in context: ShellContext) -> HealthTriage {
        let client = context.client
        // Whether the number is a coexistence one, from its listing (read above when this session had none): token_validity
        // reads by it (tester51 G10).
        let coexistence = context.ids.phoneNumbers[id]?.json["is_coexistence"]?.bool
        // Dated against the API's own clock (the health answer's `Date` header) where it gave one: a report older than
        // Kapso's caching allows is no reading of the number now (tester61 AJ9).
        // The display name's review state from the same listing: a limit Meta gives the display name as its reason lifts by
        // waiting only while the name is in review, never once Meta DECLINED it (tester67 Y5).
        let nameStatus = (listed ?? context.ids.phoneNumbers[id])?.json["name_status"]?.string
        return HealthTriage(
            health, inbound: inbound(of: id, for: health, client: client), coexistence: coexistence,
            now: client.serverTime ?? context.now(), nameStatus: nameStatus)
    }

    /// The number's newest inbound message, read only when Meta has not verified the webhook or Kapso fails the app's
    /// subscription (or passes it with details that lack Meta's messages field, tester70 F7): "send a message to verify it" cannot help a number that already received messages (probe11 P11-4),
    /// and "no message webhook fires" is no fact beside one (tester58 AD8). One request; a failure to read
    /// is said with both readings (`failed`, tester53 T14: read as "none", it gave the advice the other rules out), and
    /// never fails `health`.
    static func inbound(of id: String, for health: PhoneNumberHealth, client: KapsoClient) -> HealthTriage.Inbound {
        guard HealthTriage.readsInbound(health) else { return .notRead }
        let page: Page<Message>
        do throws(KapsoAPIError) {
            page = try client.messages(filters: [("phone_number_id", id), ("direction", "inbound")], limit: 1)
        } catch {
            return .failed(error.message)
        }
        return page.items.first?.time.map(HealthTriage.Inbound.newest) ?? (page.items.isEmpty ? HealthTriage.Inbound.none : .notRead)
    }
}
