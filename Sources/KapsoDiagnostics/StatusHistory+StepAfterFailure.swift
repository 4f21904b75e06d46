extension StatusHistory {
    /// The newest `sent` (or `accepted`/`pending`) stamped after the history's last failure, about the same recipient;
    /// nil when there is none or either has no timestamp.
    ///
    /// Meta reports a message's steps as they happen, `sent` before any failure at delivery (developers.facebook.com,
    /// WhatsApp Cloud API, "Status messages"); webhooks arrive in any order, but a `sent` *stamped* after the failure is
    /// WhatsApp saying two things about it. `sent` is no news of the phone: only a `delivered`, `read` or `played` is
    /// (`conflict` reads those), so the failure is not contradicted, and a verdict that states it must name the `sent`
    /// (tester48 F1: `failed 131049 +1 s`, `sent +3 s`, Kapso's status `sent`, the verdict said only "failed").
    public var stepAfterFailure: Event? {
        guard let failure = failures.last, let failed = failure.time else { return nil }
        return events.last { event in
            guard let time = event.time, time > failed, !Self.aboutOthers(event, failure) else { return false }
            switch StatusWord(event.status) {
            case .sent, .waiting: return true
            default: return false
            }
        }
    }
}
