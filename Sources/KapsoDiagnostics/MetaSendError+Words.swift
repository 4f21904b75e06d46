public import KapsoClient

/// Meta's own words in a refused send, for the line that tells the user what to fix (probe28 P28-21: "fix the payload;
/// error_data.details names the field" was said while the details were dropped).
///
/// kapso-api.md §9.4–9.5: a Graph error body's `error_data.details` is where Meta names the field or value ("fix the
/// payload (`error_data.details` names the field)"); Graph errors may also carry `error_user_title` and `error_user_msg`,
/// text meant for the person who sent the request (Meta, "Graph API error handling",
/// https://developers.facebook.com/docs/graph-api/guides/error-handling). Failed statuses (`trace`'s `meta:` line) and
/// logged calls (the ERROR column) show Meta's text already; the live send shows it too. The text is the server's: it is
/// quoted, cut to `maxCharacters` and left to the error funnel's `VisibleText` to escape control characters.
extension MetaSendError {
    /// The most characters of one of Meta's texts quoted.
    public static let maxWordsCharacters = GraphErrorWords.maxCharacters

    /// Meta's words beside the code, read as `explain` reads a pasted body (`GraphErrorWords`).
    public var words: GraphErrorWords {
        GraphErrorWords(
            message: message, details: details, subcode: subcode, userTitle: userTitle, userMessage: userMessage, transient: transient)
    }

    /// `Meta: "Param to must be a valid WhatsApp phone number"`, or the details, the user title and the user message
    /// joined by `; `, each once and none that only repeats `message`; nil when Meta gave none of them.
    public var metaWords: String? { words.quoted }

    /// `metaWords` for the line that reads this refusal by its catalogue entry, nil when that reading is the id in the
    /// path (code 100 with subcode 33, Graph's "Object with ID … does not exist", or a proxy 404:
    /// `ErrorCatalog.missingObjectID`): Graph's generic details there would contradict "nothing in the payload is wrong".
    public var wordsBesideReading: String? {
        if code == "100", ErrorCatalog.missingObjectID(subcode: subcode, status: status, path: path, message: message) != nil {
            return nil
        }
        return metaWords
    }
}
