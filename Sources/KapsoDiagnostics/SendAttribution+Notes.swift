public import KapsoClient

extension SendAttribution {
    /// The lines under a trace's deliveries about rows shared with other messages to (or from) the contact: those left
    /// out as nearer to another message, those kept although fewer than the messages, and those another message is as
    /// near to (`eitherDeliveries`, where `deliveriesNote` does not already say it); empty when none.
    ///
    /// `1 whatsapp.message.sent delivery at 2026-11-21T11:05:00Z is nearer in time to another message to this contact
    /// (2026-11-21T11:05:00Z): read as that message's and left out here (the delivery log holds no WAMID)`.
    public var deliveriesSharing: [String] {
        let side = inboundMessage ? "from" : "to"
        let log = "(the delivery log holds no WAMID)"
        var lines: [String] = []
        if nearerDeliveries.count == 1, let row = nearerDeliveries.first {
            lines.append(
                "1 \(row.what) delivery at \(KapsoTime.iso(row.row)) is nearer in time to \(Self.others([row], side: side)) "
                    + "(\(KapsoTime.iso(row.other))): read as that message's and left out here\(Self.unsureText(nearerDeliveries)) \(log)")
        } else if !nearerDeliveries.isEmpty {
            let listed = nearerDeliveries.prefix(3).map { "\($0.what) at \(KapsoTime.iso($0.row))" }.joined(separator: ", ")
            lines.append(
                "\(nearerDeliveries.count) deliveries are nearer in time to \(Self.others(nearerDeliveries, side: side)) (\(listed)"
                    + (nearerDeliveries.count > 3 ? ", …" : "") + "): read as theirs and left out here"
                    + Self.unsureText(nearerDeliveries) + " \(log)")
        }
        for shared in sharedDeliveries {
            let among = shared.otherContacts ? "messages \(side) contacts without a phone number" : "messages \(side) this contact"
            lines.append(Self.sharedText(shared, unit: "delivery", units: "deliveries", among: among + " in that span") + " \(log)")
        }
        // Where one event reached one webhook more than once, `deliveriesNote` already says they may be another message's.
        var counts: [String: Int] = [:]
        for delivery in deliveries { counts[delivery.event + " " + delivery.webhookID, default: 0] += 1 }
        let either = deliveries.filter { counts[$0.event + " " + $0.webhookID] == 1 }.compactMap { eitherDeliveries[$0.id] }
        if let line = Self.eitherText(either, unit: "delivery", units: "deliveries", others: Self.others(either, side: side)) {
            lines.append(line + " \(log)")
        }
        return lines
    }

    /// True when the traced message got no delivery of an event and a row left out as another message's may be its own
    /// (`Nearer.unsure`): `trace` then never says Kapso recorded none of it (tester53b U13).
    public var deliveryInDoubt: Bool { nearerDeliveries.contains(where: \.unsure) }

    /// Who the messages that `rows` were left out for are: `another message from this contact`, `a message from another
    /// contact without a phone number`, or in the plural `other messages from this contact`, `messages from other contacts
    /// without a phone number`, `other messages from this contact or other contacts without a phone number`.
    static func others(_ rows: [Nearer], side: String) -> String {
        let strangers = rows.filter(\.otherContact).count
        if rows.count == 1 {
            return strangers == 1 ? "a message \(side) another contact without a phone number" : "another message \(side) this contact"
        }
        if strangers == 0 { return "other messages \(side) this contact" }
        if strangers == rows.count { return "messages \(side) other contacts without a phone number" }
        return "other messages \(side) this contact or other contacts without a phone number"
    }

    /// `, but it may be this message's, which got none of its own` when a left-out row may be the traced message's
    /// (`Nearer.unsure`), else empty.
    static func unsureText(_ rows: [Nearer]) -> String {
        let unsure = rows.filter(\.unsure).count
        guard unsure > 0 else { return "" }
        let which = rows.count == 1 ? "it" : unsure == rows.count ? "each" : "\(unsure)"
        return ", but \(which) may be this message's, which got none of its own"
    }

    /// The lines under a trace's send calls about calls shared with the number's other sends (left out, as near, or kept
    /// although fewer), and about a kept call whose path names no number; empty when none.
    public var callsSharing: [String] {
        let log = "(the API log holds no WAMID)"
        var lines: [String] = []
        if nearerCalls.count == 1, let row = nearerCalls.first {
            lines.append(
                "1 send call at \(KapsoTime.iso(row.row)) is nearer in time to another send from this number "
                    + "(\(KapsoTime.iso(row.other))): read as that message's and left out here\(Self.unsureText(nearerCalls)) \(log)")
        } else if !nearerCalls.isEmpty {
            let listed = nearerCalls.prefix(3).map { KapsoTime.iso($0.row) }.joined(separator: ", ")
            lines.append(
                "\(nearerCalls.count) send calls are nearer in time to other sends from this number (\(listed)"
                    + (nearerCalls.count > 3 ? ", …" : "") + "): read as theirs and left out here\(Self.unsureText(nearerCalls)) \(log)")
        }
        if let line = Self.eitherText(
            eitherCalls, unit: "send call", units: "send calls",
            others: eitherCalls.count == 1 ? "another send from this number" : "other sends from this number")
        {
            lines.append(line + " \(log)")
        }
        if let sharedCalls {
            lines.append(
                Self.sharedText(sharedCalls, unit: "send call", units: "send calls", among: "sends from this number within \(Self.window) s")
                    + " \(log)")
        }
        for endpoint in Set(unnamedCalls).sorted() {
            lines.append(
                "POST \(endpoint) names no phone number: read as this message's send by its time, but it may be a send from "
                    + "another of the project's numbers at that time")
        }
        return lines
    }

    /// `1 whatsapp.message.received delivery at 2026-11-21T11:50:02Z may be this message's or that of another message
    /// from this contact (2026-11-21T11:50:01Z): their times are too close to tell apart`; nil for none
    /// (`TimeMatch.Reading.either`). `others` names the other messages (`another message from this contact`, `other
    /// messages from this contact`).
    static func eitherText(_ rows: [Nearer], unit: String, units: String, others: String) -> String? {
        guard let first = rows.first else { return nil }
        func what(_ row: Nearer) -> String { row.what == unit ? "" : row.what + " " }
        let close = "their times are too close to tell apart"
        if rows.count == 1 {
            return "1 \(what(first))\(unit) at \(KapsoTime.iso(first.row)) may be this message's or that of \(others) "
                + "(\(KapsoTime.iso(first.other))): \(close)"
        }
        let listed = rows.prefix(3).map { "\(what($0))at \(KapsoTime.iso($0.row))" }.joined(separator: ", ") + (rows.count > 3 ? ", …" : "")
        return "\(rows.count) \(units) (\(listed)) may be this message's or those of \(others): \(close)"
    }

    /// `1 whatsapp.message.sent delivery for 2 messages to this contact in that span: listed as this message's, the
    /// nearest in time, but it may be the other message's`.
    static func sharedText(_ shared: Shared, unit: String, units: String, among: String) -> String {
        let what = shared.what == unit ? "" : shared.what + " "
        let rows = "\(shared.rows) \(what)\(shared.rows == 1 ? unit : units)"
        let other = shared.messages == 2 ? "the other message's" : "another message's"
        return "\(rows) for \(shared.messages) \(among): listed as this message's, the nearest in time, but "
            + (shared.rows == 1 ? "it" : "one") + " may be \(other)"
    }
}
