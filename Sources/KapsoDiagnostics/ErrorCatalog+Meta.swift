// MARK: - Meta entries

// Meta's WhatsApp Cloud API error codes, section by section as Meta's page lists them (titles and HTTP
// statuses are Meta's; meanings and fixes are ours, written from Meta's "details" and "possible
// solutions"), then the codes Meta documents on other pages (calling, No Storage, Flows), each with that
// page as its `reference`; docs/error-catalogue.md says where each page was read.
extension ErrorCatalog {
    static let meta: [Entry] =
        authorization + integrity + throttling + messaging + templates + registration + other + calling + noStorage + graph

    private static let authorization: [Entry] = [
        entry(
            "0", "auth exception", "Meta could not authenticate the app user: the access token expired or was invalidated",
            "reconnect the number or issue a new access token", .no, .authorization, title: "AuthException", http: 401),
        entry(
            "3", "capability or permission", "the app lacks the capability or permission for this call",
            "check the token's permissions with Meta's access token debugger", .fixFirst, .permission,
            title: "API Method", http: 500),
        entry(
            "10", "permission denied", "the permission this call needs was not granted or was removed",
            "check the token's permissions and the API's eligibility; for Flows, that the number is allow-listed",
            .fixFirst, .permission, title: "Permission Denied", http: 403),
        entry(
            "190", "access token expired or invalid", "the number's Meta access token no longer works",
            "reconnect the number (Kapso setup link or support); the API cannot fix it", .no, .authorization,
            title: "Access token has expired", http: 401),
        entry(
            "200-299", "permission", "the app lacks a permission this call needs",
            "check the token's permissions with Meta's access token debugger", .fixFirst, .permission,
            title: "API Permission", http: 403),
    ]

    private static let integrity: [Entry] = [
        entry(
            "368", "temporarily blocked", "the WhatsApp Business Account is restricted or disabled for a policy violation",
            "check the policy status in WhatsApp Manager (Policy Enforcement); wait or appeal", .no, .integrity,
            title: "Temporarily blocked for policies violations", http: 403),
        entry(
            "130497", "country restricted", "the business may not message users in the recipient's country",
            "check the allowed countries for the business's category in WhatsApp's Business Messaging Policy", .no,
            .integrity, title: "Business account is restricted from messaging users in this country.", http: 403),
        entry(
            "131031", "account locked",
            "the WhatsApp Business Account is locked: a policy violation, or data in the request (e.g. the two-step PIN) did not verify",
            "resolve it in WhatsApp Manager or with Meta support; 'health' may show why", .no, .integrity,
            title: "Account has been locked", http: 403),
    ]

    private static let throttling: [Entry] = [
        entry(
            "4", "app rate limit", "the app reached its API call rate limit",
            "back off and spread calls out; the App Dashboard shows the limit", .later, .throttling,
            title: "API Too Many Calls", http: 400),
        entry(
            "80007", "WABA rate limit", "the WhatsApp Business Account reached its API rate limit",
            "back off and spread calls out", .later, .throttling, title: "Rate limit issues", http: 400),
        entry(
            "130429", "throughput limit", "sending faster than the number's messages-per-second throughput allows",
            "slow down and queue sends", .later, .throttling, title: "Rate limit hit", http: 400),
        entry(
            "131048", "spam rate limit",
            "this number may send only so many messages because earlier ones were blocked or flagged as spam",
            "check the quality rating in WhatsApp Manager ('health'); send less and improve opt-in before sending more",
            .later, .throttling, title: "Spam rate limit hit", http: 400),
        entry(
            "131056", "pair rate limit", "too many messages from this number to the same recipient in a short time",
            "wait before writing to this recipient again; other recipients are not affected", .later, .throttling,
            title: "(Business Account, Consumer Account) pair rate limit hit", http: 400),
        entry(
            "133016", "registration rate limit", "too many register or deregister attempts for this number in a short time",
            "wait until the number is unblocked, then register again", .later, .phoneRegistration,
            title: "Account register deregister rate limit exceeded", http: 400),
    ]

    private static let messaging: [Entry] = [
        entry(
            "1", "API unknown", "an invalid request or a possible error on Meta's side",
            "check Meta's status page (metastatus.com); with no outage, check the request against the reference",
            .maybe, nil, title: "API Unknown", http: 400),
        entry(
            "2", "API service", "Meta's service is down or overloaded for a while",
            "check Meta's status page, then retry", .later, nil, title: "API Service", http: 503),
        entry(
            "33", "phone number deleted", "the business phone number in the path has been deleted (or is not one this token reaches)",
            "check the phone-number id ('numbers' lists them)", .fixFirst, .parameter,
            title: "Parameter value is not valid", http: 400),
        entry(
            "100", "invalid parameter", "the request is malformed: an unsupported or misspelled field, a bad value or a wrong id",
            "fix the payload; error_data.details names the field", .fixFirst, .parameter,
            title: "Invalid parameter", http: 400),
        entry(
            "130472", "in experiment", "the recipient is held out of marketing messages by Meta's marketing message experiment",
            "nothing to do for this recipient; see Meta's Marketing Message Experiment page", .no, .parameter,
            title: "User's number is part of an experiment", http: 400),
        entry(
            "131000", "something went wrong", "the message failed for an unknown reason on Meta's side",
            "retry; if it repeats, open a Meta Direct Support ticket with the wamid and the time", .yes, .server,
            title: "Something went wrong", http: 500,
            refusedFix: "retry; if it repeats, open a Meta Direct Support ticket with the request's time, the phone-number id "
                + "and Meta's fbtrace_id if its error body had one (a refused request gets no WAMID)"),
        entry(
            "131005", "access denied", "the permission this call needs was not granted or was removed",
            "check the token's permissions with Meta's access token debugger", .fixFirst, nil,
            title: "Access denied", http: 403),
        entry(
            "131008", "required parameter missing", "a required field is absent from the request",
            "add the field the error names", .fixFirst, .parameter, title: "Required parameter is missing", http: 400),
        entry(
            "131009", "parameter value invalid", "a field has a value that is not allowed",
            "fix the value the error names", .fixFirst, .parameter, title: "Parameter value is not valid", http: 400),
        entry(
            "131016", "service unavailable", "a Meta service is temporarily unavailable",
            "check Meta's status page, then retry", .yes, .server, title: "Service unavailable", http: 500),
        entry(
            "131021", "recipient is sender", "the message was addressed to the business's own number",
            "send to a different recipient", .no, .parameter, title: "Recipient cannot be sender", http: 400),
        // Meta's error-codes page: "Reasons can include" five (not on WhatsApp; an authentication template to +91, India;
        // new terms not accepted; an old WhatsApp version; "not delivered to create a high quality user experience"), as
        // public error-code tables quote it: an open list, said as one (probe23 P23-6). The India reason is dated: Meta
        // opened authentication templates to India on 1 July 2024 (Twilio, "WhatsApp Authentication Template Requirements,
        // Restrictions and International Fees", support.twilio.com/hc/en-us/articles/15596541039771: "not currently
        // supported in India until July 1, 2024"; 360dialog, Authentication Templates, docs.360dialog.com/partner/messaging/
        // template-messages/authentication-templates: "available in India since July 1, 2024"), so it is said as past (P39-15).
        entry(
            "131026", "message undeliverable",
            "Meta lists reasons that include: the number is not on WhatsApp, an authentication template to a +91 (India) number (refused until 1 July 2024, allowed since), the recipient has not accepted WhatsApp's latest terms, their app is too old, or Meta held the message back to create a high quality user experience; the list is not complete and the answer does not say which",
            "check the number is correct in E.164; by another channel, ask the contact to write to this number, accept the terms and update WhatsApp; do not retry in a loop",
            .no, .parameter,
            title: "Message Undeliverable", http: 400),
        // Not on Meta's error-codes page; Meta's Calling troubleshooting page lists it (public test numbers
        // only, HTTP 400), and Meta's own answer to a send, as a developer quoted it (github.com/Neurotech-HQ/heyoo
        // issue 40), gives the title: "(#131030) Recipient phone number not in allowed list". An Argentine or Mexican
        // mobile is listed without the 9 or 1 its wa_id carries, and a send to the wa_id form is refused even when listed
        // (as developers report; `ContactNumber.AllowedListForm` has the sources, P37-3).
        entry(
            "131030", "recipient not in allowed list",
            "the number sends as a public test number, which reaches only the recipients on its allowed list, and this one is not on it",
            "add the recipient under API Setup in Meta's App Dashboard, or send from a registered production number; an "
                + "Argentine or Mexican mobile is listed, and must be sent to, without the 9 or 1 after the country code "
                + "that its WhatsApp ID (wa_id) carries (+54 11 …, not +54 9 11 …; +52 55 …, not +52 1 55 …)", .fixFirst,
            nil, title: "Recipient phone number not in allowed list", http: 400, reference: callingPage),
        entry(
            "131037", "display name not approved", "the 555 business number that sent it has no approved display name",
            "get the display name approved in WhatsApp Manager (Phone numbers); a DECLINED name is not approved by waiting: "
                + "submit a new one that follows Meta's display name guidelines, or appeal", .fixFirst, .wabaConfig,
            title: "WhatsApp provided number needs display name approval before message can be sent.", http: 400),
        entry(
            "131042", "payment problem",
            "the account's payment method is not set up: no payment account, credit line over its limit, WABA deleted or suspended, time zone or currency not set",
            "fix billing for the WhatsApp Business Account in Meta Business Manager", .fixFirst, .businessEligibility,
            title: "Business eligibility payment issue", http: 400),
        entry(
            "131045", "not registered (certificate)", "the sender's phone number registration is incomplete",
            "register the number on the Cloud API", .fixFirst, .phoneRegistration, title: "Incorrect certificate", http: 500),
        entry(
            "131047", "re-engagement (24 h window closed)",
            "the contact last wrote more than 24 hours ago, so free-form messages are refused",
            "send an approved template ('reply --template NAME' in kops); free-form works again after the contact replies", .no, .reengagementWindow,
            title: "Re-engagement message", http: 400),
        entry(
            "131049", "ecosystem limit",
            "Meta held back a marketing template to keep the user's marketing volume healthy (per-user limit); Meta also gives it for marketing templates to US (+1) numbers, paused since 1 Apr 2025",
            "do not resend to this user for at least 24 hours (sooner fails again); to a US number marketing is not delivered at all; prefer utility templates",
            .no, nil,
            title: "Meta chose not to deliver.", http: 400),
        entry(
            "131050", "user stopped marketing", "the contact chose to stop marketing messages from this business",
            "do not send marketing to this user; utility and authentication still work", .no, nil,
            title: "User has stopped receipt of marketing messages.", http: 400),
        entry(
            "131051", "unsupported message type",
            "the message type is not supported: on a send, the type sent; on a received message, what the contact sent (e.g. view-once media)",
            "send a supported type; for a received one, ask the contact to send it another way", .no, .media,
            title: "Unsupported message type", http: 400),
        entry(
            "131052", "media download error", "Meta could not download the media the contact sent",
            "ask the contact to send the file another way; error_data.details says why", .no, .media,
            title: "Media download error", http: 400),
        entry(
            "131053", "media upload error", "Meta could not upload the media in the message (e.g. an unsupported type)",
            "check the file's real MIME type and size against Meta's supported media types, then send again", .fixFirst,
            .media, title: "Media upload error", http: 400),
        entry(
            "131055", "method not allowed",
            "the Marketing Messages API sends only marketing templates; for calling, Graph API calls are refused on a SIP-enabled number",
            "send a marketing template, or use the Cloud API for other messages; call a SIP-enabled number over SIP", .fixFirst,
            nil,
            title: "Method not allowed", http: 400),
        entry(
            "131057", "account in maintenance", "the business account is in maintenance mode (e.g. a throughput upgrade)",
            "wait and retry later", .later, .server, title: "Account in maintenance mode", http: 500),
        // Meta's unsupported-messages webhook reference gives it on a received message (no HTTP status): not a
        // send's error, and nothing about the message's type (that is 131051).
        entry(
            "131060", "message currently unavailable",
            "WhatsApp did not make a received message available to the API; Meta gives it typically when a contact "
                + "messages a number onboarded from the WhatsApp Business app (coexistence) for the first time, often right "
                + "after tapping a Click-to-WhatsApp ad",
            "nothing to fix in the integration; ask the contact to send it again if the content matters", .unknown, nil,
            title: "This message is currently unavailable.",
            reference: "Meta, Unsupported messages webhook reference: "
                + "https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/unsupported"),
        // Meta's business-scoped user IDs page lists it with details only (no title, no HTTP status).
        entry(
            "131062", "BSUID recipient not allowed",
            "the message was addressed to a business-scoped user ID (BSUID), and Meta sends authentication messages only to phone numbers",
            "send it to the contact's phone number, not the BSUID", .fixFirst, nil,
            reference: "Meta, Business-scoped user IDs: https://developers.facebook.com/documentation/business-messaging/whatsapp/business-scoped-user-ids"),
    ]

    private static let templates: [Entry] = [
        entry(
            "132000", "template parameter count", "the number of parameters differs from the template's variables",
            "send exactly the variables the approved template has", .fixFirst, .template,
            title: "Template Param Count Mismatch", http: 400),
        entry(
            "132001", "template missing", "no approved template with this name exists in this language for the account",
            "check the template name, the language code and its approval", .fixFirst, .template,
            title: "Template does not exist", http: 404),
        entry(
            "132005", "template text too long", "the template's text with its parameters filled in is too long",
            "shorten the parameters; check the translation in WhatsApp Manager", .fixFirst, .template,
            title: "Template Hydrated Text Too Long", http: 400),
        entry(
            "132007", "template policy characters", "the template's content breaks a WhatsApp policy",
            "remove what the policy forbids; see Meta's template review rules", .fixFirst, .template,
            title: "Template Format Character Policy Violated", http: 400),
        entry(
            "132012", "template parameter format", "a parameter does not have the format the template expects",
            "send each parameter in the expected format (a media header needs a media parameter)", .fixFirst, .template,
            title: "Template Parameter Format Mismatch", http: 400),
        entry(
            "132015", "template paused", "Meta paused the template for low quality",
            "Meta unpauses it by itself (3 h after a first pause, 6 h after a second; a third disables it): check it with "
                + "'template NAME' and resend once it is APPROVED, or use another template meanwhile; an edit sends it back to review",
            .no, .template,
            title: "Template is Paused", http: 400),
        entry(
            "132016", "template disabled", "the template was paused too often for low quality and is disabled for good",
            "create a new template with different content", .no, .template, title: "Template is Disabled", http: 400),
        entry(
            "132068", "flow blocked", "the flow in the message is blocked",
            "fix the flow in WhatsApp Manager", .fixFirst, .flow, title: "Flow is blocked", http: 400),
        entry(
            "132069", "flow throttled", "the flow is throttled: 10 messages with it were sent in the last hour",
            "correct the flow in WhatsApp Manager; until then send fewer messages with it and retry after the hour", .later,
            .flow,
            title: "Flow is throttled", http: 400),
        entry(
            "2388019", "template limit", "the WhatsApp Business Account has the maximum number of templates (250)",
            "delete unused templates before creating more", .fixFirst, nil,
            title: "Message Template Limit Exceeded"),
        entry(
            "2388040", "template field too long", "a template field is longer than its character limit",
            "shorten the field error_data.details names", .fixFirst, nil, title: "Character limit exceeded"),
        entry(
            "2388047", "template header format", "the template's header is formatted wrongly",
            "fix the header as error_data.details says", .fixFirst, nil,
            title: "Message header format is incorrect"),
        entry(
            "2388072", "template body format", "the template's body is formatted wrongly",
            "fix the body as error_data.details says", .fixFirst, nil, title: "Message body format is incorrect"),
        entry(
            "2388073", "template footer format", "the template's footer is formatted wrongly",
            "fix the footer as error_data.details says", .fixFirst, nil,
            title: "Message footer format is incorrect"),
        entry(
            "2388293", "too many template variables", "the template has too many variables for its length",
            "use fewer variables or more text", .fixFirst, nil, title: "Parameters words ratio exceeds limit"),
        entry(
            "2388299", "variable at start or end", "a template may not start or end with a variable",
            "put text before the first and after the last variable", .fixFirst, nil,
            title: "Leading or trailing parameters not allowed"),
        entry(
            "134100", "marketing only", "the Marketing Messages API sends only templates in the MARKETING category",
            "send a marketing template, or use the Cloud API for utility and authentication", .fixFirst, nil,
            title: "Only marketing messages supported", http: 400),
        entry(
            "134101", "template still syncing", "a new template is still syncing for the Marketing Messages API (up to 10 min)",
            "wait 10 minutes and send again", .later, nil, title: "Your template is still syncing", http: 400),
        entry(
            "134102", "template unavailable", "the template could not be synced, or the account is not eligible for the Marketing Messages API",
            "check the account's marketing_messages_lite_api_status; if ONBOARDED, contact Meta support", .fixFirst,
            nil, title: "Template unavailable for use", http: 500),
    ]

    private static let registration: [Entry] = [
        entry(
            "133000", "incomplete deregistration", "a previous deregistration of the number failed",
            "deregister the number again, then register it", .fixFirst, .phoneRegistration,
            title: "Incomplete Deregistration", http: 500),
        entry(
            "133004", "server temporarily unavailable", "Meta's registration service is temporarily unavailable",
            "check Meta's status page and error_data.details, then retry", .yes, .server,
            title: "Server Temporarily Unavailable", http: 503),
        entry(
            "133005", "two-step PIN mismatch", "the two-step verification PIN in the request is wrong",
            "use the right PIN, or disable two-step verification and set a new one", .fixFirst, .server,
            title: "Two step verification PIN Mismatch", http: 400),
        entry(
            "133006", "phone number re-verification needed", "the number must be verified again before registering",
            "verify the number, then register it", .fixFirst, .phoneRegistration,
            title: "Phone number re-verification needed", http: 400),
        entry(
            "133008", "too many PIN guesses", "too many wrong two-step verification PINs for this number",
            "wait the time error_data.details gives, then retry", .later, .phoneRegistration,
            title: "Too Many two step verification PIN Guesses", http: 400),
        entry(
            "133009", "PIN guessed too fast", "two-step verification PINs were tried too quickly",
            "wait as error_data.details says before trying again", .later, .phoneRegistration,
            title: "Two step verification PIN Guessed Too Fast", http: 400),
        entry(
            "133010", "number not registered", "the sending number is not registered on the WhatsApp Business Platform",
            "register the number, then send again", .fixFirst, .phoneRegistration,
            title: "Phone number Not Registered", http: 400),
        entry(
            "133015", "wait before registering", "the number was deleted recently and the deletion has not finished",
            "wait 5 minutes, then register again", .later, .phoneRegistration,
            title: "Please wait a few minutes before attempting to register this phone number", http: 400),
        entry(
            "2494100", "number in maintenance", "the business phone number is in maintenance mode",
            "try again in a few minutes", .later, nil, title: "Account is in maintenance mode."),
        // One code for nine different messages in Meta's "Phone migration errors" table; no single title.
        entry(
            "2388103", "phone migration refused",
            "Meta refused to migrate the phone number to another WhatsApp Business Account; the message names the reason (destination webhooks, display name, payment account, account approvals, same business)",
            "fix what the message names, as Meta's phone migration errors table says, then migrate again", .fixFirst, nil),
    ]

    private static let other: [Entry] = [
        entry(
            "134011", "payments terms not accepted", "the WhatsApp Payments terms of service are not accepted for this account",
            "accept them with the link in the error message, then send again", .fixFirst, .businessEligibility,
            title: "WhatsApp Payments terms of service has not been accepted", http: 400),
        entry(
            "135000", "generic user error", "the message failed because of an unknown error with the request's parameters",
            "check the payload against Meta's reference; contact Meta support if it persists", .fixFirst, .parameter,
            title: "Generic user error", http: 400),
        entry(
            "2593107", "sync request limit", "the contacts or history synchronization was already requested for this number",
            "offboard the business customer and onboard them again", .no, .synchronization,
            title: "Synchronization Request limit exceeded", http: 400),
        entry(
            "2593108", "sync window passed", "synchronization can be requested only within 24 hours of onboarding",
            "offboard the business customer and onboard them again", .no, .synchronization,
            title: "Synchronization Request made outside of allowed time window", http: 400),
        entry(
            "1026", "receiver incapable", "the recipient's app cannot show this message type (e.g. address message)",
            "fall back to a simpler message type", .no, nil, title: "Receiver Incapable",
            reference: "Meta, Address messages: https://developers.facebook.com/documentation/business-messaging/whatsapp/messages/address-messages"),
        entry(
            "141000", "health check error",
            "reported in messaging-health entity errors; Meta's exact meaning is not published",
            "contact Kapso support", .unknown, nil,
            reference: "Kapso, gokapso/agent-skills: skills/observe-whatsapp/references/health-reference.md (Special error)"),
        // Secondary source only: a health-status sample in pywa's tests (david-lev/pywa tests/test_types.py).
        entry(
            "141006", "payment method problem",
            "the WhatsApp Business Account's payment method has an error; a secondary source says business-initiated "
                + "conversations stop and replies inside the 24-hour window still work, which no Meta page read says: send one "
                + "test reply to know",
            "add a new payment method to the account in Meta Business Manager", .unknown, nil,
            reference: "pywa (david-lev/pywa) tests/test_types.py, a health-status sample with the entity BLOCKED and the text "
                + "\"Messages can't be sent.\" (how far sending is held back is the entity's own can_send_message: tester54 V6); "
                + "Meta, Messaging and Calling Health Status (developers.facebook.com/documentation/business-messaging/whatsapp/support/health-status): BLOCKED "
                + "\"does not meet one or more messaging requirements\"; replies still working: a secondary source only (tester52 H9)"),
        entry(
            "139000", "flow blocked by integrity",
            "Meta found an integrity issue with the account and will not let it create or publish Flows",
            "contact Meta support; Kapso's guide says the WABA must be verified in Meta's security center", .no, nil,
            title: "Blocked By Integrity",
            reference: "Meta, Flows error codes: https://developers.facebook.com/docs/whatsapp/flows/reference/error-codes; Kapso, gokapso/agent-skills skills/integrate-whatsapp/SKILL.md"),
    ]
}
