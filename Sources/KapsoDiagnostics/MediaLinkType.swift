/// The media type a link's file extension names (`https://example.com/menu.pdf` → a document), for a template header
/// whose format takes another: Meta's "Supported media types" of the Cloud API (as AWS End User Messaging Social's
/// "Supported media file types and sizes in WhatsApp" lists them,
/// https://docs.aws.amazon.com/social-messaging/latest/userguide/supported-media-types.html): images `.jpeg` and `.png`
/// (`.jpg` is JPEG's other extension), videos `.mp4` and `.3gp`, documents `.pdf`, `.doc(x)`, `.xls(x)`, `.ppt(x)`,
/// `.txt`, audio `.aac`, `.amr`, `.mp3`, `.m4a`, `.ogg`, and stickers `.webp` (not an image header's). Media Meta cannot
/// use fails with 131052/131053, "wrong type" among the causes (kapso-api.md §9.5). tester58 AD6.1: a PDF, an MP4 or a
/// WebP link sent in an IMAGE header went without a word. Meta reads the type the file's server answers, not the
/// extension, so this is a likelihood, said as one.
public enum MediaLinkType: String, Sendable, Equatable {
    case image, video, document, audio, sticker

    /// The type `link`'s last path segment's extension names, nil for none kops knows (or no extension).
    public static func of(_ link: String) -> MediaLinkType? {
        fileExtension(link).flatMap { extensions[$0] }
    }

    /// The extension of `link`'s last path segment, lower-cased (`pdf` of `https://x.test/a/Menu.PDF?v=2`), nil for none.
    static func fileExtension(_ link: String) -> String? {
        var path = Substring(link)
        if let end = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<end] }
        // The path starts at the first `/` after the host (`https://host/…`; a link without a scheme: `host/…`).
        if let colon = path.firstIndex(of: ":"), path[colon...].hasPrefix("://") { path = path[path.index(colon, offsetBy: 3)...] }
        guard let slash = path.firstIndex(of: "/"), let name = path[path.index(after: slash)...].split(separator: "/").last,
            let dot = name.lastIndex(of: ".")
        else { return nil }
        return name[name.index(after: dot)...].lowercased()
    }

    /// Each documented extension's type.
    static let extensions: [String: MediaLinkType] = [
        "jpg": .image, "jpeg": .image, "png": .image, "mp4": .video, "3gp": .video, "3gpp": .video,
        "pdf": .document, "doc": .document, "docx": .document, "xls": .document, "xlsx": .document, "ppt": .document,
        "pptx": .document, "txt": .document, "aac": .audio, "amr": .audio, "mp3": .audio, "m4a": .audio, "ogg": .audio,
        "webp": .sticker,
    ]

    /// What a header of `format` (`IMAGE`, `VIDEO`, `DOCUMENT`) takes, as said in a note; nil for another format.
    static func taken(by format: String) -> (type: MediaLinkType, files: String)? {
        switch format.uppercased() {
        case "IMAGE": (.image, "a JPEG or PNG file")
        case "VIDEO": (.video, "an MP4 or 3GPP file")
        case "DOCUMENT": (.document, "a PDF, Word, Excel, PowerPoint or text file")
        default: nil
        }
    }

    /// `.pdf, a document,`: the type as a note names it, after its extension.
    var named: String {
        switch self {
        case .image: "an image"
        case .video: "a video"
        case .document: "a document"
        case .audio: "audio"
        case .sticker: "a sticker (WebP)"
        }
    }

    /// A note for `link` sent in a template header of `format` when its extension names another type, nil otherwise.
    public static func mismatchNote(_ link: String, format: String) -> String? {
        guard let taken = taken(by: format), let suffix = fileExtension(link), let type = extensions[suffix], type != taken.type
        else { return nil }
        return "the header media link ends in .\(suffix), \(type.named), but the template's \(format.uppercased()) header takes "
            + "\(taken.files) (Meta's supported media types): unless its server answers it as that, the message fails with "
            + "131053; link \(taken.files), or send a template whose header is \(type.named)"
    }
}
