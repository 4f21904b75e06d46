import KapsoDiagnostics
import Testing

/// tester58 AD6.1: a template's IMAGE header sent with `--header-media https://example.com/menu.pdf` (or `.mp4`, `.webp`)
/// was built and sent without a word, while a localhost or Drive link gets "… fails with 131053". A link whose extension
/// names another media type than the header's format gets the same kind of note (`MediaLinkType`).
@Suite struct AD6HeaderMediaTypeTests {
    @Test(arguments: [
        ("https://example.com/menu.pdf", "IMAGE", ".pdf, a document"),
        ("https://example.com/clip.MP4?v=2", "IMAGE", ".mp4, a video"),
        ("https://example.com/s.webp", "IMAGE", ".webp, a sticker (WebP)"),
        ("https://example.com/a/photo.jpg#x", "VIDEO", ".jpg, an image"),
        ("https://example.com/invoice.png", "DOCUMENT", ".png, an image"),
        ("https://example.com/menu.pdf", "VIDEO", ".pdf, a document"),
    ])
    func anExtensionOfAnotherTypeGetsANote(link: String, format: String, named: String) throws {
        let note = try #require(TemplateCheck.headerMediaNote(link, format: format))
        #expect(note.hasPrefix("the header media link ends in \(named), but the template's \(format) header takes"), "\(note)")
        #expect(note.contains("131053"), "\(note)")
    }

    @Test(arguments: [
        ("https://example.com/promo.jpg", "IMAGE"), ("https://example.com/promo.JPEG", "IMAGE"), ("https://example.com/p.png", "IMAGE"),
        ("https://example.com/v.mp4", "VIDEO"), ("https://example.com/v.3gp", "VIDEO"), ("https://example.com/d.pdf", "DOCUMENT"),
        ("https://example.com/d.docx", "DOCUMENT"), ("https://example.com/image", "IMAGE"), ("https://example.com/", "IMAGE"),
        ("https://example.com/file.bin", "IMAGE"), ("https://cdn.example.com", "IMAGE"), ("https://example.com/menu.pdf", "TEXT"),
    ])
    func theRightTypeOrAnUnknownExtensionGetsNone(link: String, format: String) {
        #expect(TemplateCheck.headerMediaNote(link, format: format) == nil)
    }

    /// A link Meta cannot reach is said as before, whatever its extension.
    @Test func anUnreachableLinkKeepsItsNote() throws {
        let note = try #require(TemplateCheck.headerMediaNote("https://localhost/menu.pdf", format: "IMAGE"))
        #expect(note.hasPrefix("the header media link is localhost (this machine)"), "\(note)")
    }
}
