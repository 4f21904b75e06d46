public import KapsoClient

/// Whether a template send would be accepted, decided before sending with the codes Meta or Kapso would
/// answer: the template's status (132001 pending/rejected, 132015 paused, 132016 disabled), parameters against
/// its variables (132000 count, names, a name given twice), header media (132012; 100 when not https) or location
/// (132012 without latitude and longitude), parameter
/// text (100: empty, new line or tab or more than four spaces in a row; over 1,024 characters) and the body's length once filled (132005).
///
/// Sources: gokapso/agent-skills `integrate-whatsapp/references/templates-reference.md` (send-time components,
/// OTP button parameter, media header rules); Meta's error codes page; kapso-api.md §9.5, §14.3 (docs/templates.md).
public enum TemplateCheck {
    /// Meta's limit on one parameter's text and on the filled-in body, in characters.
    public static let maxTextLength = 1_024
    /// Characters of a TEXT header with its values (Meta's messages reference: "For the header component type: 60
    /// characters").
    public static let maxHeaderLength = 60
    /// Characters of an AUTHENTICATION template's code (Meta: "exceeds the maximum length in the AUTHENTICATION category
    /// (15 characters)").
    public static let maxCodeLength = 15

    /// One `--param` as typed: `VALUE` (in order), `name=VALUE` (named templates) or `N=VALUE` / `{{N}}=VALUE`
    /// (variable `{{N}}` of a positional template, the way Kapso's template node keys positional parameters:
    /// `"parameters": {"1": "#{order_number}", "2": "#{delivery_date}"}`, docs.kapso.ai "WhatsApp Template Node").
    public struct Argument: Sendable, Equatable {
        public var name: String?
        /// The variable number of `N=VALUE` (1 for `{{1}}`), nil for a value in order or a named one.
        public var position: Int?
        public var value: String

        public init(name: String? = nil, position: Int? = nil, value: String) {
            self.name = name
            self.position = position
            self.value = value
        }

        /// Reads `name=VALUE` as named only when `name` is a variable name (`[a-z_][a-z0-9_]*`, Meta's rule for
        /// named parameters) and the template is NAMED; `N=VALUE` or `{{N}}=VALUE` (N digits) as a variable number
        /// whatever the template (a named template then refuses it by name); anything else is one value in order,
        /// `=` included (`discount=20%`, a URL query).
        public init(typed: String, named: Bool) {
            guard let equals = typed.firstIndex(of: "=") else {
                self.init(value: typed)
                return
            }
            func trimmed(_ text: Substring) -> Substring {
                guard let first = text.firstIndex(where: { $0 != " " }), let last = text.lastIndex(where: { $0 != " " })
                else { return "" }
                return text[first...last]
            }
            var key = trimmed(typed[..<equals])
            if key.hasPrefix("{{") && key.hasSuffix("}}") && key.count >= 4 { key = trimmed(key.dropFirst(2).dropLast(2)) }
            let value = String(typed[typed.index(after: equals)...])
            if named, TemplateCheck.isVariableName(key) {
                self.init(name: String(key), value: value)
            } else if !key.isEmpty, key.count <= 3, key.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(key) {
                self.init(position: number, value: value)
            } else {
                self.init(value: typed)
            }
        }

        /// The argument as the user wrote it, for messages: `Lee`, `customer_name=Lee`, `2=B`.
        public var typed: String {
            if let name { return "\(name)=\(value)" }
            if let position { return "\(position)=\(value)" }
            return value
        }
    }

    /// A send that passed every check: the request's `template.components` and the text the contact reads.
    public struct Send: Sendable, Equatable {
        public var components: [JSONValue]
        /// Values by variable name (`1`, `customer_name`) per component.
        public var headerValues: [String: String]
        public var bodyValues: [String: String]
        /// Header text and body with the values filled in.
        public var headerText: String?
        public var bodyText: String
    }

    /// The refusal of a MARKETING template to a US number (`+1` with a US area code, `NANPRegion`), nil for other
    /// templates and recipients: Meta does not deliver marketing templates to US numbers (the same fact as 131049's
    /// advice, `MessageError.fix(for:)`). `recipient` is digits with the country code (`14155550105`).
    public static func marketingReach(_ template: MessageTemplate, recipient: String) -> Problem? {
        guard template.category == "MARKETING", case .unitedStates(let area) = NANPRegion.of(recipient) else { return nil }
        return .marketingToUSNumber(area: area)
    }

    /// The refusal of an AUTHENTICATION template to a business-scoped user id (`recipient` in `BusinessScopedUserID`'s
    /// shape), nil for other templates and recipients: Meta sends authentication messages only to phone numbers and
    /// answers 131062 (`ErrorCatalog`'s 131062, Meta's "Business-scoped user IDs" page; Microsoft's Azure Communication
    /// Services docs, "Authentication templates and BSUIDs": "You can't use a business-scoped user ID (BSUID) to send
    /// these authentication template types"). probe41 P41-6: the dry run passed it.
    public static func userIDReach(_ template: MessageTemplate, recipient: String) -> Problem? {
        guard template.category == "AUTHENTICATION", BusinessScopedUserID.isValid(recipient) else { return nil }
        return .authenticationToUserID(recipient)
    }

    /// A note for a MARKETING template to a +1 number whose area is a US territory or non-geographic
    /// (`NANPRegion.unclear`): whether Meta's pause covers it is not documented. Nil otherwise.
    public static func marketingReachNote(_ template: MessageTemplate, recipient: String) -> String? {
        guard template.category == "MARKETING", NANPRegion.of(recipient) == .unclear else { return nil }
        return "+1 \(recipient.dropFirst().prefix(3)) is a US territory or non-geographic code: \(NANPRegion.usMarketingPause), "
            + "and whether that covers this number is not documented; if it does, the send fails with 131049"
    }

    /// A note for an AUTHENTICATION template to a +91 (India) number, nil otherwise: Meta's error-codes page still lists
    /// "an authentication template to a WhatsApp user who has a +91 country calling code" among 131026's causes, while
    /// Meta has allowed them since 1 July 2024 (sources at `ErrorCatalog`'s 131026), so the send is not refused, but the
    /// cause `explain 131026` names is said before it (probe39 P39-15: the dry run said nothing). `recipient` is digits
    /// with the country code.
    public static func authenticationToIndiaNote(_ template: MessageTemplate, recipient: String) -> String? {
        let send = FailedSend(isTemplate: true, recipient: recipient, templateCategory: template.category)
        guard send.isAuthenticationToIndia else { return nil }
        return "\(template.name) is an AUTHENTICATION template and +\(recipient) is an India (+91) number: Meta refused those "
            + "until 1 July 2024 and allows them since, but its error-codes page still lists them among 131026's causes; if "
            + "this send fails 131026, send the code by another channel (SMS)"
    }

    /// `1 variable`, `2 variables`.
    static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }

    /// Meta's rule for named parameters: lowercase letters, digits and underscores, not starting with a digit.
    public static func isVariableName(_ text: Substring) -> Bool {
        guard let first = text.first, first == "_" || ("a"..."z").contains(first) else { return false }
        return text.allSatisfy { $0 == "_" || ("a"..."z").contains($0) || ("0"..."9").contains($0) }
    }

    /// The key of `Key=VALUE` when it is a name in letters, digits and underscores with an upper-case letter
    /// (`First_Name`), nil otherwise. Meta's named variables are lower case (`{{customer_name}}`: "lowercase +
    /// underscores", gokapso/agent-skills `integrate-whatsapp/references/templates-reference.md`; whatsapp-api-js
    /// `HeaderParameter`: parameter_name "only lowercase a-z and _ are allowed"), so such a key names none of them;
    /// whether Meta would match it ignoring case is not documented, and kops does not guess.
    static func nameInOtherCase(_ typed: String) -> String? {
        guard let equals = typed.firstIndex(of: "=") else { return nil }
        let key = typed[..<equals]
        guard let first = key.first, first == "_" || (first.isASCII && first.isLetter),
            key.allSatisfy({ $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) }), key.contains(where: \.isUppercase)
        else { return nil }
        return String(key)
    }

    /// Checks a language code before any lookup: a code Meta does not list and none of `available` has.
    public static func language(_ code: String, available: [String]) throws(Problem) {
        guard TemplateLanguage.isKnown(code) || available.contains(code) else {
            throw .unknownLanguage(code, available: available)
        }
    }

    /// Whatever the values: a BODY, APPROVED, and no button value kops cannot give.
    public static func sendable(_ template: MessageTemplate) throws(Problem) {
        guard template.body != nil else { throw .noBody }
        guard template.status == "APPROVED" else { throw .notApproved(status: template.status) }
        // A limited-time offer first: its copy-code button and URL button are parts of the offer, said together.
        if let offer = template.limitedTimeOffer { throw .limitedTimeOffer(offer) }
        if let url = template.dynamicURLButtons.first { throw .dynamicURLButton(template.buttons[url].text) }
        // Send-time values of other components: sent without them, Meta answers a parameter mismatch (probe26 P26-12).
        if let coupon = template.couponButtonIndex { throw .couponCode(button: coupon, example: template.buttons[coupon].example) }
        if !template.carousel.isEmpty { throw .carousel(template.carousel) }
        if let button = template.actionButton { throw .actionButton(button: button.index, type: button.type) }
        if template.header?.isProduct == true { throw .productHeader }
    }

    /// What each card of a carousel needs at send time: `each card's image header, body {{1}} and URL button value`,
    /// or card by card when they differ.
    public static func cardNeeds(_ cards: [MessageTemplate.Card]) -> String {
        func needs(_ card: MessageTemplate.Card) -> String {
            var parts: [String] = []
            if let format = card.headerFormat { parts.append("\(format.lowercased()) header") }
            if !card.bodyVariables.isEmpty { parts.append("body " + card.bodyVariables.map { "{{\($0)}}" }.joined(separator: " ")) }
            if card.dynamicURLButtons > 0 { parts.append(card.dynamicURLButtons == 1 ? "URL button value" : "URL button values") }
            return parts.isEmpty ? "its components" : parts.count == 1 ? parts[0]
                : parts.dropLast().joined(separator: ", ") + " and " + parts[parts.count - 1]
        }
        let each = Set(cards.map(needs))
        if each.count == 1, let only = each.first { return "each card's " + only }
        return cards.enumerated().map { "card \($0.offset) its \(needs($0.element))" }.joined(separator: "; ")
    }

    /// Checks `arguments` (and a header's media link or location) against `template` and builds the send's components.
    ///
    /// Positional values fill the text header's variables first, then the body's; named values go to every
    /// component that has the name. An AUTHENTICATION template's OTP button repeats the body's first value.
    public static func check(
        _ template: MessageTemplate, arguments: [Argument], headerMedia: String? = nil, headerLocation: HeaderLocation? = nil
    ) throws(Problem) -> Send
    {
        try sendable(template)
        let body = template.body ?? ""
        for (index, argument) in arguments.enumerated() {
            let label = argument.name.map { "'\($0)'" } ?? "\(index + 1)"
            if argument.value.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\t" }) || argument.value.contains("     ") {
                throw .badCharacters(parameter: label)
            }
            if argument.value.count > maxTextLength { throw .parameterTooLong(parameter: label, length: argument.value.count) }
            if argument.value.allSatisfy(\.isWhitespace) { throw .emptyParameter(parameter: label) }
        }
        let headerNames = template.headerVariables
        let bodyNames = template.bodyVariables
        var headerValues: [String: String] = [:]
        var bodyValues: [String: String] = [:]
        if template.isNamed {
            let all = headerNames + bodyNames.filter { !headerNames.contains($0) }
            for argument in arguments {
                // `First_Name=Ana` for {{first_name}}: a name in the wrong case, not a value without a name (P28-18).
                if argument.name == nil, let key = nameInOtherCase(argument.typed) { throw .nameCase(key, expected: all) }
                guard let name = argument.name else { throw .unnamedForNamed(argument.typed, expected: all) }
                guard all.contains(name) else { throw .unknownName(name, expected: all) }
                if headerValues[name] != nil || bodyValues[name] != nil { throw .duplicateName(name) }
                if headerNames.contains(name) { headerValues[name] = argument.value }
                if bodyNames.contains(name) { bodyValues[name] = argument.value }
            }
            let missing = all.filter { headerValues[$0] == nil && bodyValues[$0] == nil }
            if !missing.isEmpty { throw .missingNames(missing) }
        } else if let numbered = arguments.first(where: { $0.position != nil }) {
            // `--param 2=B --param 1=A`: each value goes to its variable; never the literal "2=B" (probe14 P14-2).
            if let plain = arguments.first(where: { $0.position == nil }) {
                throw .mixedNumbering(numbered: numbered.typed, plain: plain.typed)
            }
            // Header and body each number from {{1}}: a number is ambiguous only when both have variables; with one
            // of them it names that one's variable (`1=A-1` for a header `Order {{1}}` over a body without any, P28-18).
            if !headerNames.isEmpty && !bodyNames.isEmpty {
                throw .numberedWithHeader(numbered.typed, header: headerNames, body: bodyNames)
            }
            let toHeader = bodyNames.isEmpty && !headerNames.isEmpty
            let names = toHeader ? headerNames : bodyNames
            var values: [String: String] = [:]
            for argument in arguments {
                let name = String(argument.position ?? 0)
                guard names.contains(name) else { throw .unknownName(name, expected: names) }
                if values[name] != nil { throw .duplicateName(name) }
                values[name] = argument.value
            }
            let missing = names.filter { values[$0] == nil }
            if !missing.isEmpty { throw .missingNames(missing) }
            if toHeader { headerValues = values } else { bodyValues = values }
        } else {
            let expected = headerNames.count + bodyNames.count
            guard arguments.count == expected else {
                throw .wrongCount(header: headerNames, body: bodyNames, given: arguments.count)
            }
            for (name, argument) in zip(headerNames, arguments) { headerValues[name] = argument.value }
            for (name, argument) in zip(bodyNames, arguments.dropFirst(headerNames.count)) { bodyValues[name] = argument.value }
        }
        let bodyText = TemplateText.filled(body, values: bodyValues)
        if bodyText.count > maxTextLength { throw .bodyTooLong(length: bodyText.count) }
        if let header = template.header, !header.isMedia, !header.isLocation, let text = header.text, !headerValues.isEmpty {
            let filled = TemplateText.filled(text, values: headerValues)
            if filled.count > maxHeaderLength { throw .headerTooLong(length: filled.count) }
        }
        if template.category == "AUTHENTICATION", let code = bodyNames.first.flatMap({ bodyValues[$0] }), code.count > maxCodeLength {
            throw .codeTooLong(length: code.count)
        }
        var components: [JSONValue] = []
        if let header = template.header, header.isMedia {
            guard let link = headerMedia else { throw .headerMediaMissing(format: header.format) }
            guard link.lowercased().hasPrefix("https://"), link.count > "https://".count else { throw .headerMediaNotHTTPS(link) }
            let kind = header.format.lowercased()
            components.append(["type": "header", "parameters": [.object(JSONObject([
                .init(key: "type", value: .string(kind)), .init(key: kind, value: ["link": .string(link)]),
            ]))]])
        } else if let header = template.header, header.isLocation {
            guard let headerLocation, headerMedia == nil else { throw .headerLocationMissing }
            components.append(["type": "header", "parameters": [headerLocation.parameter]])
        } else if headerMedia != nil {
            throw .headerMediaUnexpected
        }
        if headerLocation != nil && template.header?.isLocation != true { throw .headerLocationUnexpected }
        func parameters(_ names: [String], _ values: [String: String]) -> JSONValue {
            .array(names.map { name in
                var parameter: JSONObject = ["type": "text", "text": .string(values[name] ?? "")]
                if template.isNamed { parameter["parameter_name"] = .string(name) }
                return .object(parameter)
            })
        }
        if !headerNames.isEmpty { components.append(["type": "header", "parameters": parameters(headerNames, headerValues)]) }
        if !bodyNames.isEmpty { components.append(["type": "body", "parameters": parameters(bodyNames, bodyValues)]) }
        if let otp = template.otpButtonIndex, let code = bodyNames.first.flatMap({ bodyValues[$0] }) {
            components.append([
                "type": "button", "sub_type": "url", "index": .string(String(otp)),
                "parameters": [["type": "text", "text": .string(code)]],
            ])
        }
        let headerText = template.header.flatMap { $0.isMedia ? nil : $0.text }.map { TemplateText.filled($0, values: headerValues) }
        return Send(
            components: components, headerValues: headerValues, bodyValues: bodyValues, headerText: headerText,
            bodyText: bodyText)
    }

    /// The components `arguments` make without any check (`--force`): positional values fill the header's
    /// variables then the body's, named values carry their names; what the API then answers is its verdict.
    public static func unchecked(
        _ template: MessageTemplate, arguments: [Argument], headerMedia: String?, headerLocation: HeaderLocation? = nil
    ) -> Send {
        var components: [JSONValue] = []
        if let headerLocation {
            components.append(["type": "header", "parameters": [headerLocation.parameter]])
        } else if let link = headerMedia, template.header?.isProduct != true {
            let kind = template.header?.format.lowercased() ?? "image"
            components.append(["type": "header", "parameters": [.object(JSONObject([
                .init(key: "type", value: .string(kind)), .init(key: kind, value: ["link": .string(link)]),
            ]))]])
        }
        // Numbered values (`2=B 1=A`) go in their numbers' order; the number itself is never sent.
        let arguments = !template.isNamed && !arguments.isEmpty && arguments.allSatisfy({ $0.position != nil })
            ? arguments.sorted { ($0.position ?? 0) < ($1.position ?? 0) } : arguments
        let headerCount = template.isNamed ? 0 : template.headerVariables.count
        func parameters(_ items: ArraySlice<Argument>) -> JSONValue {
            .array(items.map { argument in
                var parameter: JSONObject = ["type": "text", "text": .string(argument.value)]
                if let name = argument.name { parameter["parameter_name"] = .string(name) }
                return .object(parameter)
            })
        }
        var headerArguments = arguments.prefix(min(headerCount, arguments.count))
        var bodyArguments = arguments.dropFirst(headerArguments.count)
        if template.isNamed {
            headerArguments = arguments.filter { template.headerVariables.contains($0.name ?? "") }[...]
            bodyArguments = arguments.filter { !template.headerVariables.contains($0.name ?? "") }[...]
        }
        if !headerArguments.isEmpty { components.append(["type": "header", "parameters": parameters(headerArguments)]) }
        if !bodyArguments.isEmpty { components.append(["type": "body", "parameters": parameters(bodyArguments)]) }
        var values: [String: String] = [:]
        for (index, argument) in bodyArguments.enumerated() { values[argument.name ?? String(index + 1)] = argument.value }
        let bodyText = TemplateText.filled(template.body ?? "", values: values)
        var headerValues: [String: String] = [:]
        for (index, argument) in headerArguments.enumerated() { headerValues[argument.name ?? String(index + 1)] = argument.value }
        let headerText = template.header.flatMap { $0.format == "TEXT" ? $0.text : nil }.map { TemplateText.filled($0, values: headerValues) }
        return Send(components: components, headerValues: headerValues, bodyValues: values, headerText: headerText, bodyText: bodyText)
    }

    /// The `type: template` body of a send (kapso-api.md §9.1, §14.3); with `byUserID` the recipient is a
    /// business-scoped user id, sent as `recipient` instead of `to`.
    public static func message(to recipient: String, template: MessageTemplate, send: Send, byUserID: Bool = false) -> JSONValue {
        [
            "messaging_product": "whatsapp", "recipient_type": "individual", byUserID ? "recipient" : "to": .string(recipient),
            "type": "template",
            "template": [
                "name": .string(template.name), "language": ["code": .string(template.language)],
                "components": .array(send.components),
            ],
        ]
    }
}
