/// The names people use for a kind of WhatsApp message that is no message `type` of its own (tester46 L5: `messages
/// --type ptt`, `gif`, `photo`, `file` were refused with the list alone, while `--type voice` named audio): the type
/// that holds it and why, so the refusal points at the right `--type`.
///
/// Sources: Meta's Cloud API message types (kapso-api.md §7.3: `text`, `image`, `video`, `audio`, `document`, …; a voice
/// note is `audio` with `voice: true`, as `MessageShapes` "voice" and `MessageSummary` read it); "PTT" (push to talk) is
/// WhatsApp's own name for a voice note in its apps and web client. No `gif` type is documented: WhatsApp carries a GIF
/// as an MP4 video flagged as a GIF (third-party clients, e.g. wppconnect-team/wppconnect issue 112, "o WhatsApp envia
/// o GIF como um vídeo MP4 com uma marcação isGif: true"), which the Cloud API is not documented to keep, so the pointer
/// for `gif` says "most likely" and where else to look.
public enum MessageTypeAlias {
    /// `(type, why)` for a name in `aliases` (lower case), nil for any other.
    public static func meaning(of name: String) -> (type: String, why: String)? {
        switch name {
        case "ptt", "voice_note", "voicenote", "voice-note":
            return ("audio", "'\(name)' is a voice note (push to talk), which the Cloud API sends as an audio message with voice: true")
        case "photo", "picture", "pic", "img":
            return ("image", "a \(name == "pic" || name == "img" ? "picture" : name) is an image message")
        case "file", "doc", "pdf", "attachment":
            return ("document", "a \(name == "doc" ? "document" : name) is a document message (its filename and mime_type say which)")
        case "gif":
            return ("video", "no message has type gif: WhatsApp carries a GIF as MP4 video, so it is most likely a video "
                + "message (not documented for the Cloud API: if it is not there, try --type image and --type sticker)")
        default:
            return nil
        }
    }
}
