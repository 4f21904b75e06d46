public import KapsoClient

/// What a failed message was, for the advice that depends on it besides the code: a template or not, and the
/// recipient's number.
public struct FailedSend: Sendable, Equatable {
    /// True for `type: template`; nil when unknown (a Meta event from log search names no type).
    public var isTemplate: Bool?
    /// The recipient's number as digits with its country code (`14155550160`), nil when unknown or no number.
    public var recipient: String?

    /// The template's category in lowercase (`authentication`, `utility`, `marketing`) when the message names it: Kapso's
    /// `message_type_data.category` (kapso-api.md §7.3: "template name/params"; the category when Kapso writes one), or
    /// the pricing category of its statuses (`authentication`, `authentication-international`); nil otherwise.
    public var templateCategory: String?

    /// The `link` of the media the message sent (`image.link`, `document.link`, …), nil when it sent a media id or none.
    public var mediaLink: String? = nil
    /// The `link` of a template's header media (`template.components[type: header].parameters[0].image.link`, or
    /// `video`/`document`), nil for other messages and for a header sent by media id.
    public var headerMediaLink: String? = nil

    /// The category Meta priced the send as, lowercased: the `pricing.category` its statuses carry (`utility`,
    /// `marketing`, `authentication`, …; Meta's status messages webhook reference, kapso-api.md §7.3); nil when none
    /// carries one, or when they disagree (`StatusBilling` names that). What Meta charged it as, so it outranks Kapso's
    /// record of the template's category (probe35 P35-1).
    public var pricedCategory: String? = nil
    /// The template's name (`template.name`), nil for other messages.
    public var templateName: String? = nil
    /// The template's language code as sent (`template.language.code`), nil when not recorded.
    public var templateLanguage: String? = nil
    /// The template's category in the WABA's template list now, lowercased (`readCategory(from:)`), nil when not read or
    /// not listed: a category the send may not have had when it went out, so it ranks below pricing and Kapso's record.
    public var listedCategory: String? = nil
    /// True when `templateCategory` was read from the statuses' pricing, not from Kapso's record.
    var categoryFromPricing = false
    /// For a reaction (`type: reaction`), the WAMID it reacts to (`reaction.message_id`); nil for other messages.
    public var reactedTo: String? = nil
    /// The contact's business-scoped user id when the send went to it and to no phone number (`to_user_id`, or a `to`
    /// in that shape: a contact who adopted a WhatsApp username and shares no number); nil otherwise. Advice about a
    /// number's E.164 form is then no advice (probe42 P42-11).
    public var recipientUserID: String? = nil
    /// What the data shows of the message reacted to (`ReactionTarget`: too old, a reaction, another conversation's,
    /// deleted, not in the project, or none of Meta's causes), when the caller read it; nil otherwise (Meta's causes are
    /// then named, none chosen).
    public var reactionTarget: ReactionTarget? = nil
    /// The message's `type` as Kapso stored it (`text`, `template`, `image`), nil when unknown: whether a template- or
    /// media-only code can be about it (`MessageError.misfit(for:)`, tester62 AL18).
    public var messageType: String? = nil
    /// True when the message is one the business sent (outbound), false for the contact's, nil when unknown.
    public var isSent: Bool? = nil
    /// True for imported history (`kapso.origin: history_sync`, `KapsoOrigin`): a copy of a WhatsApp Business app send
    /// recorded failed before the chat was imported, which nothing sends again from here (`MessageError.importedFix`).
    public var isImported = false

    public init(isTemplate: Bool?, recipient: String?, templateCategory: String? = nil, mediaLink: String? = nil) {
        self.isTemplate = isTemplate
        self.mediaLink = mediaLink
        self.recipient = recipient.map { $0.filter { $0.isASCII && $0.isNumber } }.flatMap { $0.isEmpty ? nil : $0 }
        self.templateCategory = templateCategory?.lowercased()
    }

    /// The message's type and, for an outbound message, its `to`; a send to a group (`MessageOrigin.sentToGroup`, by
    /// the message's `recipient_type` or its statuses') has no recipient number.
    public init(message: JSONObject) {
        let inbound = MessageDirection(message: message).side == .inbound
        let outbound = !inbound && MessageOrigin(message: message).sentToGroup == nil
        let written = outbound ? message["to"]?.string : nil
        // A `to` in the business-scoped user id's shape (`US.1349…`) is no number: its digits are not one.
        let userID = written.flatMap { BusinessScopedUserID.isValid($0) ? $0 : nil }
        let to = userID == nil ? written : nil
        let kapso = message["kapso"]?.object
        let named = (kapso?["message_type_data"] ?? message["message_type_data"])?["category"]?.string
            ?? message["template"]?["category"]?.string
        let categories = (kapso?["statuses"]?.array ?? []).compactMap { $0["pricing"]?["category"]?.string?.lowercased() }
        let priced = categories.first { $0.hasPrefix("authentication") }
        let isTemplate = message["type"]?.string.map { $0 == "template" }
        let link = message["type"]?.string.flatMap { message[$0]?["link"]?.string }.flatMap { $0.isEmpty ? nil : $0 }
        self.init(
            isTemplate: isTemplate, recipient: to, templateCategory: isTemplate == false ? nil : named ?? priced,
            mediaLink: inbound ? nil : link)
        categoryFromPricing = named == nil && templateCategory != nil
        let distinct = Set(categories.filter { !$0.isEmpty })
        pricedCategory = distinct.count == 1 ? distinct.first : nil
        templateName = ErrorTriage.templateName(of: message)
        templateLanguage = templateName == nil ? nil : message["template"]?["language"]?["code"]?.string
        if !inbound, isTemplate == true { headerMediaLink = Self.headerLink(of: message) }
        reactedTo = message["type"]?.string == "reaction" ? message["reaction"]?["message_id"]?.string : nil
        isImported = KapsoOrigin(message) == .importedHistory
        messageType = message["type"]?.string.flatMap { $0.isEmpty ? nil : $0 }
        isSent = switch MessageDirection(message: message).side {
        case .outbound: true
        case .inbound: false
        case .unknown: nil
        }
        if outbound, recipient == nil { recipientUserID = userID ?? message["to_user_id"]?.string.flatMap { $0.isEmpty ? nil : $0 } }
    }

    /// The header media `link` of a template message's components, nil when there is none.
    static func headerLink(of message: JSONObject) -> String? {
        let header = message["template"]?["components"]?.array?.first { $0["type"]?.string == "header" }
        let parameter = header?["parameters"]?.array?.first
        guard let kind = parameter?["type"]?.string, ["image", "video", "document"].contains(kind) else { return nil }
        return parameter?[kind]?["link"]?.string.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The category the send went out as and where kops read it: Meta's pricing first (what it was charged as), else
    /// Kapso's record (`templateCategory`), else the WABA's template list now (`listedCategory`); nil when none names one.
    public var sentCategory: (name: String, source: String)? {
        if let pricedCategory { return (pricedCategory, "Meta priced it so on its status") }
        if let templateCategory { return (templateCategory, categoryFromPricing ? "Meta priced it so on its status" : "Kapso's record of the send") }
        return listedCategory.map { ($0, "the WABA's template list names it so now") }
    }

    /// `sentCategory` when it is utility or authentication: a template Meta did not send as marketing, so marketing's
    /// rules (131049, the US pause) are not its documented story.
    var notMarketing: (name: String, source: String)? {
        sentCategory.flatMap { $0.name == "utility" || $0.name.hasPrefix("authentication") ? $0 : nil }
    }

    /// True for an authentication template to a +91 (India) number: Meta's error-codes page lists "Sending an
    /// authentication template to a WhatsApp user who has a +91 country calling code (India). Authentication templates
    /// currently cannot be sent to WhatsApp users in India." among 131026's reasons (as quoted in public error-code
    /// tables, e.g. TS enums `MessageUndeliverable = 131026`); whether Meta still enforces it is not known to kops.
    public var isAuthenticationToIndia: Bool {
        (templateCategory?.hasPrefix("authentication") ?? false) && (recipient?.hasPrefix("91") ?? false) && recipient?.count == 12
    }
}

extension MessageError {
    /// The fix for any error of imported history (`FailedSend.isImported`): none from here. Meta sends imported history once,
    /// through its `history` webhook, with each message's status then (`MessageVerdict.importedFailure`, which the verdict
    /// says), so the advice for a live failure (retry, a template, wait, a ticket) does not apply (tester52 K16: the
    /// timeline's `fix:` and `errors` still said "send an approved template" under the verdict's "no API send to retry").
    public static let importedFix = "nothing to retry from here: imported history (kapso.origin history_sync), a WhatsApp "
        + "Business app send recorded failed before the chat was imported, not a send of this integration; the app's chat "
        + "shows what happened to it, and a new send through the API goes as any other"

    /// What this error means for `send`: the catalogue's meaning, unless the code's usual story cannot be this
    /// message's (131049 on a free-form message).
    public func meaning(for send: FailedSend?) -> String {
        if code == "131049", send?.isTemplate == false {
            return "Meta documents 131049 for marketing templates it chose not to deliver; this message was no template, "
                + "so Meta's reason is not the documented one"
        }
        if let code, FailedSend.marketingOnlyCodes.contains(code), let words = send?.notMarketingWords {
            return "Meta documents \(code) for marketing templates only; \(words), so either Meta treated this send as marketing "
                + "(re-categorised the template) or its reason is not the documented one"
        }
        return meaning
    }

    /// What to do about this error for `send`, read from the code, Meta's `error_data.details` and the message:
    /// - a re-engagement code (131047, 470) on a template: `ErrorCatalog.reengagementOnTemplate`;
    /// - 131053 whose details say Meta's download of the `link` got an HTTP status or timed out
    ///   ("Downloading media from weblink failed with http code 403"): the URL is the cause, not the file (Meta's
    ///   error-codes page sends you to `error_data.details` for 131053's reason);
    /// - 131049 on a template to a +1 number with a US area code: marketing templates are not delivered to US numbers
    ///   at all since 1 Apr 2025 (Meta's pause, as Twilio's error 63049 page and Zoho's notice word it: "numbers with
    ///   the +1 dialing code and a US area code"), so waiting 24 hours is no fix; to other numbers, the per-user limit's
    ///   advice (wait at least 24 hours); on a free-form message, that it is unexpected;
    /// - 131030 to an Argentine or Mexican mobile: the form the send used and the one a test number's allowed list holds
    ///   (`ContactNumber.AllowedListForm`); to a business-scoped user id: `allowedListAdvice(userID:)`;
    /// - otherwise `next` (the catalogue's fix, or where to look).
    /// With `writtenSince` (`MessageVerdict.writtenSince`: the contact has written since the send and the window is open
    /// now), a free-form send refused for the window is told to go again as is, not the catalogue's "send an approved
    /// template": the one advice `trace`'s verdict and its timeline give (probe21 P21-19).
    ///
    /// With `callsEnabled` (the number has WhatsApp calling on), the template advice for such a send carries
    /// `ContactWindow.callCaveat`: "When a WhatsApp user messages you or calls you, a 24-hour timer called a customer
    /// service window starts" (Meta, Service messages, developers.facebook.com/documentation/business-messaging/whatsapp/
    /// messages/send-messages), and kops cannot see calls (probe25 P25-16).
    public func fix(for send: FailedSend?, writtenSince again: String?, callsEnabled: Bool = false) -> String {
        if send?.isImported == true { return Self.importedFix }
        let freeForm = ErrorCatalog.isReengagement(code) && send?.isTemplate != true
        if let again, freeForm { return again }
        if callsEnabled, freeForm {
            return "send an approved template ('reply --template NAME' in kops) " + ContactWindow.callCaveat(since: "since the send")
                + "; free-form works again after the contact replies or calls"
        }
        return fix(for: send)
    }

    public func fix(for send: FailedSend?) -> String {
        if send?.isImported == true { return Self.importedFix }
        if let misfit = misfit(for: send) { return misfit }
        if ErrorCatalog.isReengagement(code), send?.isTemplate == true { return ErrorCatalog.reengagementOnTemplate }
        // A link Meta's servers can never fetch is the cause, whatever the code's usual story (P28-17).
        if let link = Self.unfetchableLink(code: code, send: send) { return link }
        if code == "131053", let answer = Self.weblinkAnswer(details) {
            switch answer {
            case .refused(let what):
                return "the media URL \(what) when Meta fetched it: make the link publicly fetchable (no login, cookie, "
                    + "IP allow-list or expired signature), or upload the file and send it by media id; the file's type and size are not the problem"
            case .redirected(let status):
                return "the media URL answered HTTP \(status), a redirect, when Meta fetched it: give the URL it redirects to "
                    + "(publicly fetchable), or upload the file and send it by media id"
            case .notTheFile(let type):
                return "the media URL answered Meta with \(type), not the file (a share, login or 'link expired' page): link "
                    + "to the file itself (a direct download whose Content-Type is the media's type), or upload it and send it by media id"
            }
        }
        if let check = Self.headerLinkCheck(code: code, send: send) { return check }
        // A "something went wrong" whose details name the media Meta downloaded is no transient failure (P28-8/P28-17).
        if code == "131000", let type = Self.downloadedType(details) {
            if type.hasPrefix("text/") {
                return "Meta's download of the media got \(type), not the file (a share, login or 'link expired' page): link to "
                    + "the file itself (a direct download whose Content-Type is the media's type), or upload it and send it by "
                    + "media id; a retry fetches the same page"
            }
            return "Meta's download of the media got \(type), a type it does not take for this message: send the file in a "
                + "supported type (Meta's supported media types), or upload it; a retry fetches the same file"
        }
        // A test number's allowed list holds an Argentine or Mexican mobile in the form without the 9 or 1 its wa_id
        // carries: which form went out and which to send to or add (`ContactNumber.AllowedListForm`, P37-3).
        if code == "131030", let recipient = send?.recipient, let form = ContactNumber.allowedListForm(recipient) {
            return form.text
        }
        // Sent to a business-scoped user id (a contact with a WhatsApp username who shares no number): the allowed list
        // holds phone numbers, so there is no number of theirs to add or to send in another form (tester50 N4).
        if code == "131030", let userID = send?.recipientUserID { return Self.allowedListAdvice(userID: userID) }
        // A reaction refused as an invalid value: Meta's reasons are about the message it reacts to (P39-12).
        if code == "131009", let send, let reactedTo = send.reactedTo {
            return send.reactionTarget.map { $0.advice(reactedTo) } ?? ReactionTarget.unread(reactedTo)
        }
        // Sent to a business-scoped user id, not a number: there is no number to check, and the id is what may have
        // changed (`user_changed_user_id`; Meta's business-scoped user id docs; probe42 P42-11).
        if code == "131026", let userID = send?.recipientUserID {
            return "the send went to the business-scoped user id \(userID), not a phone number (the contact shares none): "
                + "check it is still this contact's id ('\(ShellWord.command("whois", userID))' says whether a newer one replaced it), and by "
                + "another channel ask the contact to update WhatsApp and accept its terms; do not retry in a loop"
        }
        if code == "131026", send?.isAuthenticationToIndia == true {
            return "this is an authentication template to a +91 (India) number, a cause Meta's error-codes page lists for "
                + "131026 (\"Authentication templates currently cannot be sent to WhatsApp users in India\"; Meta allows them "
                + "since 1 July 2024, so kops cannot tell whether it applies here): send the code by another channel (SMS) for "
                + "this contact; do not retry in a loop"
        }
        if code == "131049", let send {
            if send.isTemplate == false {
                return "Meta documents 131049 for marketing templates and this message was none: look for what else went "
                    + "wrong with this send (the request that sent it: 'API calls' in 'trace WAMID'); if Meta repeats it, open a Meta Direct Support ticket with the WAMID"
            }
            // Sent (or listed) as utility or authentication: marketing's limit and the US pause are not this send's story,
            // and "send a utility template" would advise what failed (probe35 P35-1); a category nothing names is said
            // both ways (tester49 F1).
            let marketing: String? =
                switch send.recipient.map(NANPRegion.of) {
                case .unitedStates(let area)?:
                    "+1 \(area) is a US number: \(NANPRegion.usMarketingPause), so resending fails again; send a utility or "
                        + "authentication template, or reach the contact another way"
                case .elsewhere?: "do not resend to this user for at least 24 hours (sooner fails again); prefer utility templates"
                case .unclear?, nil: nil
                }
            if let advice = send.marketingOnlyAdvice(code: code, marketing: marketing ?? next) { return advice }
            if let marketing { return marketing }
        }
        if let send, let advice = send.marketingOnlyAdvice(code: code, marketing: next) { return advice }
        return next
    }

    /// What Meta's download of a media `link` got, read from 131053 details such as "Downloading media from weblink
    /// failed with http code 403, status message Forbidden": an error status (4xx, 5xx) or a time-out is a refusal of
    /// the URL; a redirect (3xx) is one Meta did not follow; a success (2xx) naming a MIME type ("http code 200, mime
    /// type text/html is not supported") fetched something that is not the file. Nil when the details name none of these
    /// (size and type details keep the catalogue's advice).
    enum WeblinkAnswer: Equatable {
        case refused(String)
        case redirected(String)
        case notTheFile(String)
    }

    static func weblinkAnswer(_ details: String?) -> WeblinkAnswer? {
        guard let details = details?.lowercased(), details.contains("weblink") || details.contains("url") || details.contains("http") else {
            return nil
        }
        if let range = details.firstRange(of: "http code ") {
            let digits = String(details[range.upperBound...].prefix { $0.isASCII && $0.isNumber })
            guard digits.count == 3, let first = digits.first else { return nil }
            switch first {
            case "4", "5": return .refused("answered HTTP \(digits)")
            case "3": return .redirected(digits)
            case "2":
                guard let type = details.firstRange(of: "mime type ").map({ details[$0.upperBound...].prefix { !$0.isWhitespace && $0 != "," } }),
                    !type.isEmpty
                else { return nil }
                return .notTheFile(String(type))
            default: return nil
            }
        }
        if details.contains("timed out") || details.contains("timeout") { return .refused("timed out") }
        return nil
    }
}

/// Where a +1 number is, by its area code: the North American Numbering Plan covers the US, its territories,
/// Canada and 17 Caribbean countries under one country code. Sources: NANPA's area-code lists (Canadian and
/// Caribbean NPAs as assigned in 2025).
enum NANPRegion: Equatable {
    case unitedStates(area: String)
    /// Canada or a Caribbean country, or no +1 number at all.
    case elsewhere
    /// Puerto Rico, US Virgin Islands, Guam, Northern Mariana Islands, American Samoa (whether Meta counts them as US
    /// numbers is not documented), or a non-geographic code (toll-free N00, 5NN).
    case unclear

    static func of(_ digits: String) -> NANPRegion {
        guard digits.count == 11, digits.hasPrefix("1") else { return .elsewhere }
        let area = String(digits.dropFirst().prefix(3))
        if canadaAndCaribbean.contains(area) { return .elsewhere }
        let nonGeographic = area.hasSuffix("00") || area.hasPrefix("5") && area.dropFirst().allSatisfy { $0 == area.last }
        if territories.contains(area) || nonGeographic { return .unclear }
        return .unitedStates(area: area)
    }

    /// Meta's pause, in the words kops uses wherever it applies it (131049's advice, `TemplateCheck.marketingReach`).
    static let usMarketingPause = "Meta does not deliver marketing templates to US numbers (paused since 1 Apr 2025)"

    static let territories: Set = ["340", "670", "671", "684", "787", "939"]
    static let canadaAndCaribbean: Set = [
        // Canada
        "204", "226", "236", "249", "250", "257", "263", "289", "306", "343", "354", "365", "367", "368", "382", "387",
        "403", "416", "418", "428", "431", "437", "438", "450", "460", "468", "474", "506", "514", "519", "548", "579",
        "581", "584", "587", "604", "613", "622", "639", "647", "672", "683", "705", "709", "742", "753", "778", "780",
        "782", "807", "819", "825", "867", "873", "879", "902", "905", "942",
        // Caribbean countries and Bermuda
        "242", "246", "264", "268", "284", "345", "441", "473", "649", "658", "664", "721", "758", "767", "784", "809",
        "829", "849", "868", "869", "876",
    ]
}

extension MessageError {
    /// `the media link http://localhost:3000/… is on localhost (this machine): …`, for a media error (131052, 131053) on
    /// a send whose media `link` is on localhost or a private network (`WebhookURL.unreachable`); nil otherwise.
    /// kapso-api.md §9.5: 131052/131053 "Meta couldn't fetch media (e.g. URL on localhost/private, too big, wrong type)
    /// → host media on a public HTTPS URL or upload first"; Meta fetches a `link` from its own servers (probe28 P28-17:
    /// "check the file's MIME type and size" sent the developer to re-encode a file that was never fetched).
    /// The media type Meta's details say a media download got ("Media download error: Unsupported media type
    /// text/html", as a 131000 carried it in probe28's repro32), lower case; nil when the details name no download and
    /// type. Meta's error-codes page sends you to `error_data.details` for a code's reason; a generic 131000 whose details
    /// name the downloaded type is that type's failure, which a retry repeats.
    static func downloadedType(_ details: String?) -> String? {
        guard let details = details?.lowercased(), details.contains("download"),
            let range = details.firstRange(of: "unsupported media type ")
        else { return nil }
        let type = details[range.upperBound...].prefix { !$0.isWhitespace && $0 != "," && $0 != ";" && $0 != ")" }
        guard type.contains("/") else { return nil }
        return String(type.hasSuffix(".") ? type.dropLast() : type)
    }

    static func unfetchableLink(code: String?, send: FailedSend?) -> String? {
        guard code == "131052" || code == "131053", let send else { return nil }
        let links = [("media link", send.mediaLink), ("template's header media link", send.headerMediaLink)]
        for case (let name, let link?) in links {
            guard let reach = MediaLinkReach.of(link) else { continue }
            switch reach {
            case .unreachable(let place):
                return "the \(name) \(link) is on \(place), which Meta's servers cannot reach: Meta fetches a media link itself, "
                    + "so this one can never be fetched; \(reach.fix)"
            case .dropboxPage, .googleDrivePage:
                return "the \(name) \(link) is \(reach.what): \(reach.why), so this is the likely cause; \(reach.fix)"
            }
        }
        return nil
    }

    /// For a 131053 on a template whose header media link kops finds nothing wrong with (`MediaLinkReach`): what the code
    /// means and how to check the link, never a claimed cause (kops does not fetch it; Meta's error-codes page sends you
    /// to `error_data.details` for 131053's reason). Nil for other codes and sends.
    static func headerLinkCheck(code: String?, send: FailedSend?) -> String? {
        guard code == "131053", let link = send?.headerMediaLink else { return nil }
        return "Meta could not fetch or use the template's header media (\(link)), and kops sees nothing wrong with the link "
            + "itself: fetch it from outside your network ('curl -sI' on it must answer HTTP 200 with the media's Content-Type, "
            + "no redirect or login), check its size and type against Meta's media limits, and read the error's details; "
            + "or upload the file and send it by media id"
    }
}
