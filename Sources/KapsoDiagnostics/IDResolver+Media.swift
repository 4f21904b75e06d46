public import KapsoClient

// MARK: - Media ids: the `{type}.id` of a message's image, audio, video, document or sticker

extension IDResolver {
    /// The message types whose payload object carries Meta's media id (kapso-api.md §7.3: `image`/`video` `{id, link,
    /// caption}`, `audio` `{id, link}`, `document` `{id, link, filename, caption}`, `sticker` `{id, …}`).
    static let mediaTypes: Set<String> = ["image", "video", "audio", "document", "sticker"]

    /// Pages of messages with media read at most for a media id (100 each): the newest 500.
    public static let mediaPages = 5

    /// Meta's media id of `message` (`audio.id` of a voice note), nil for a message without one. Incoming media
    /// messages carry `{type}.id`, the id `GET /{media_id}` turns into a short-lived download URL (Meta, Media:
    /// https://developers.facebook.com/documentation/business-messaging/whatsapp/business-phone-numbers/media/).
    public static func mediaID(of message: Message) -> String? {
        guard mediaTypes.contains(message.type), let id = message.json[message.type]?["id"]?.string, !id.isEmpty else { return nil }
        return id
    }

    /// `1111222233334444 is the media id of the voice note wamid.… from Contact S (+14155550401), received
    /// 2026-11-21T11:05:00Z on Support Line`, from the messages with media read (`Facts.mediaMessages`); nil when none
    /// carries it.
    static func mediaIdentity(_ digits: String, typed: String, facts: Facts) -> Identity? {
        guard let message = facts.mediaMessages.first(where: { mediaID(of: $0) == digits }) else { return nil }
        let inbound = message.kapsoDirection != "outbound"
        let what = mediaWords(message)
        let who = message.contactName.map { name in message.contact.map { "\(name) (\(contact($0)))" } ?? name }
            ?? message.contact.map(contact) ?? "a contact"
        let line = message.phoneNumberID.map { id in facts.numbers.first { $0.id == id }?.name ?? id }
        let time = message.time.map { ", " + (inbound ? "received " : "sent ") + KapsoTime.iso($0) } ?? ""
        var identity = Identity(
            input: typed, kind: .mediaID,
            statement: "\(digits) is the media id of the \(what) \(message.id) \(inbound ? "from" : "to") \(who)\(time)"
                + (line.map { " on \($0)" } ?? ""),
            fix: "'\(ShellWord.command("message", message.id))' shows it; " + mediaAdvice(message, sent: !inbound))
        identity.details = [
            Identity.Detail("message", message.id), Identity.Detail("media", what),
            Identity.Detail("Kapso copy", kapsoCopy(message) == nil ? "none in the message (no kapso.media_url)" : "kapso.media_url"),
        ]
        identity.phoneNumberIDs = message.phoneNumberID.map { [$0] } ?? []
        identity.moment = message.time
        identity.mediaSent = !inbound
        return identity
    }

    /// What a 404 on `GET` or `DELETE /{media_id}` at `time` (Unix seconds, nil when unknown) on `endpoint` (nil when
    /// unknown) means once `whois` found the id to be a message's media id (probe28 P28-8):
    /// - Kapso's proxy needs the number on media routes: "Media endpoints with media_id → requires phone_number_id as
    ///   query parameter" with an API key (https://docs.kapso.ai/api-reference/meta-proxy; the TypeScript SDK's
    ///   `media.get`: "phoneNumberId: '123' // Required when using Kapso proxy",
    ///   https://docs.kapso.ai/docs/whatsapp/typescript-sdk/media), so a call without `phone_number_id` is the first
    ///   suspect, not the media;
    /// - with it, the 404 is Meta's; "expired" only when the media is older than Meta serves it ("Media IDs returned by
    ///   the API expire after 30 days. Media IDs in webhooks expire after 7 days", `mediaAdvice`): 7 days for a
    ///   received media id, 30 for one the number uploaded; a younger one was deleted, or is not this number's.
    public static func mediaNotFoundMeaning(_ identity: Identity, endpoint: String? = nil, at time: Int64? = nil) -> String? {
        guard identity.kind == .mediaID else { return nil }
        let copy = identity.details.first { $0.label == "Kapso copy" }?.value == "kapso.media_url"
            ? "use the message's Kapso copy (kapso.media_url, which 'message' shows)"
            : "the message holds no Kapso copy (kapso.media_url) to use instead"
        if let endpoint, lacksPhoneNumberID(endpoint) {
            let number = identity.phoneNumberIDs.first ?? "PHONE_NUMBER_ID"
            return identity.statement + "; the call has no ?phone_number_id=, which Kapso's proxy requires on /{media_id} "
                + "with an API key (Kapso, Meta proxy), so the call is the first suspect, not the media: add "
                + "?phone_number_id=\(number) and call again"
        }
        let sent = identity.mediaSent == true
        let days: Int64 = sent ? 30 : 7
        let served = sent ? "Meta serves a media id the number uploaded for 30 days" : "Meta serves a received media id for 7 days"
        if let moment = identity.moment, let time, time >= moment, time - moment < days * 86_400 {
            return identity.statement + "; the 404 came \(Elapsed.text(time - moment)) after the message, and \(served), "
                + "so it had not expired: it was deleted, or it is not this number's media; " + copy
        }
        let age = identity.moment.flatMap { moment in time.map { " (the 404 came \(Elapsed.text($0 - moment)) after the message)" } } ?? ""
        return identity.statement + "; the 404 means Meta no longer serves that media id: \(served)\(age), or it was deleted; " + copy
    }

    /// True when `endpoint`'s query has no non-empty `phone_number_id` (Kapso's proxy requires it on `/{media_id}`).
    public static func lacksPhoneNumberID(_ endpoint: String) -> Bool {
        guard let query = endpoint.split(separator: "?", maxSplits: 1).dropFirst().first else { return true }
        return !query.split(separator: "&").contains { pair in
            let parts = pair.split(separator: "=", maxSplits: 1)
            return parts.first == "phone_number_id" && parts.count == 2 && !parts[1].isEmpty
        }
    }

    /// `voice note (audio/ogg; codecs=opus)`, `document invoice.pdf`, `image`.
    private static func mediaWords(_ message: Message) -> String {
        let payload = message.json[message.type]
        var text = message.type == "audio" && payload?["voice"]?.bool == true ? "voice note" : message.type
        if let filename = payload?["filename"]?.string { text += " \(filename)" }
        if let mime = payload?["mime_type"]?.string { text += " (\(mime))" }
        return text
    }

    /// Kapso's own copy of the file (`kapso.media_url`, or `kapso.media_data.url`; kapso-api.md §7.3).
    private static func kapsoCopy(_ message: Message) -> String? {
        let kapso = message.json["kapso"]
        return kapso?["media_url"]?.string ?? kapso?["media_data"]?["url"]?.string
    }

    /// Meta serves a media id for a limited time: "Media IDs returned by the API expire after 30 days. Media IDs in
    /// webhooks expire after 7 days" (Meta, Media reference above); `GET /{media_id}` answers a URL that "expires after
    /// 5 minutes" (docs.kapso.ai/api/meta/whatsapp/media/get-media-url); Kapso keeps its own copy in `kapso.media_url`
    /// (kapso-api.md §7.3). The call is named with the message's number: Kapso's proxy requires `?phone_number_id=` on
    /// `/{media_id}` with an API key (`mediaNotFoundMeaning`), and a 404 is "expired" only past Meta's days (probe28
    /// P28-8: `whois` said "a 404 on it means Meta no longer serves it" of a media id 6 minutes old, without the number).
    private static func mediaAdvice(_ message: Message, sent: Bool) -> String {
        let id = mediaID(of: message) ?? "{media_id}"
        let number = message.phoneNumberID ?? "PHONE_NUMBER_ID"
        let days = sent ? 30 : 7
        return "GET /meta/whatsapp/v24.0/\(id)?phone_number_id=\(number) gives a download URL valid 5 minutes (Kapso's proxy "
            + "requires ?phone_number_id= on media routes), and Meta serves "
            + (sent ? "a media id the number uploaded for 30 days" : "a received media id for 7 days")
            + ": a 404 on that call more than \(days) days after the message means it expired, sooner that it was deleted "
            + "or is not this number's; "
            + (kapsoCopy(message) == nil
                ? "this message holds no Kapso copy (kapso.media_url)" : "use the message's Kapso copy (kapso.media_url)")
    }
}
