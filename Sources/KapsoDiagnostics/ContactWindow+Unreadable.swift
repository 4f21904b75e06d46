internal import KapsoClient

extension ContactWindow {
    /// Why a conversation's `last_inbound_at` is no time: `Kapso's last_inbound_at "2026-11-20T13:00:00" has no time
    /// zone, so when it was is not known` (probe14 P14-1: a list said unknown and the detail open, neither said why).
    /// Kapso writes UTC with `Z` (kapso-api.md §0.16); the value is shown in part, printable ASCII only.
    static func unreadableSummary(_ text: String) -> String {
        let shown = ZonelessTime.shown(text)
        if ZonelessTime(text) != nil { return "Kapso's last_inbound_at \"\(shown)\" has no time zone, so when it was is not known" }
        if case .problem(let problem) = ZonelessTime.read(text) { return "Kapso's last_inbound_at: " + problem }
        return "Kapso's last_inbound_at \"\(shown)\" is no date and time kops can read"
    }
}
