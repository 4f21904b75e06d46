internal import KapsoClient
internal import KapsoDiagnostics

extension MessageTrace {
    /// The one-line conclusion, e.g. `failed: 131047, the 24-hour window closed 2 h before the send; send a template`.
    func verdict(now: Int64) -> StyledText {
        if message.isInbound {
            let window = ServiceWindow(lastInbound: message.time, at: now)
            guard let closes = window.closesAt else { return StyledText("received from the contact") }
            return window.isOpen
                ? StyledText("received; the 24-hour window is open for \(Elapsed.text(closes - now)) more: free-form replies go through", style: .good)
                : StyledText("received; the 24-hour window it opened closed \(Elapsed.text(now - closes)) ago: reply with a template", style: .warn)
        }
        switch message.status {
        case "failed":
            return StyledText(failureVerdict(), style: .bad)
        case "read":
            return StyledText("read by the contact\(after("read"))", style: .good)
        case "delivered":
            return StyledText("delivered\(after("delivered")), not read yet", style: .good)
        case "sent":
            let since = (message.statuses.last?.time ?? message.time).map { now - $0 } ?? 0
            let offline = since > 3_600 ? ": the contact's phone may be offline" : ""
            return StyledText("sent \(Elapsed.text(since)) ago, no delivery report yet\(offline)", style: .warn)
        case let other:
            return StyledText("\(other): Meta has not confirmed the message yet", style: .warn)
        }
    }

    /// How many of the matched webhook deliveries failed (0 when they could not be loaded).
    var failedDeliveryCount: Int {
        guard case .loaded(let deliveries) = deliveries else { return 0 }
        return deliveries.filter { $0.status == "failed" }.count
    }
    // ` 92 s after sending`, from the first status to the named one.
    private func after(_ status: String) -> String {
        guard let start = message.time, let at = message.statuses.first(where: { $0.status == status })?.time else {
            return ""
        }
        return " \(Elapsed.text(at - start)) after sending"
    }

    private func failureVerdict() -> String {
        guard let failure = message.failure else { return "failed without an error code; run 'explain' on the code Meta reports" }
        let entry = ErrorCatalog.entry(for: failure.code)
        if failure.code == "131047", let window = windowAtSend {
            guard let closes = window.closesAt else {
                return "failed: 131047, the contact never wrote, so no 24-hour window was open; send a template"
            }
            if closes <= window.at {
                return "failed: 131047, the 24-hour window closed \(Elapsed.text(window.at - closes)) before the send; send a template"
            }
        }
        guard let entry else { return "failed: \(failure.code) (\(failure.title ?? "unknown code")); 'explain \(failure.code)' may know more" }
        return "failed: \(failure.code) (\(entry.name)); \(entry.fix)"
    }
}
