import KapsoClient
import KapsoDiagnostics
import Testing

/// A base URL's shape, checked before anything is sent (probe9 P9-14, P9-17), and Graph's error object by its shape.
@Suite struct BaseURLShapeTests {
    @Test(arguments: [
        ("http://127.0.0.1:8080?x=1", BaseURLShape.Problem.query),
        ("https://api.kapso.ai/?x=1", .query),
        ("https://api.kapso.ai#frag", .fragment),
        ("https://me:pw@api.kapso.ai", .userInfo),
        ("https://token@api.kapso.ai/platform/v1", .userInfo),
        ("https://api.kapso.ai\r", .controlCharacter(0x0D)),
        ("https://api.kapso.ai ", .whitespace(0x20)),
        ("https://graph.facebook.com", .metaGraphAPI(host: "graph.facebook.com")),
        ("https://graph.facebook.com/v24.0", .metaGraphAPI(host: "graph.facebook.com")),
        ("https://GRAPH.facebook.com.:443/", .metaGraphAPI(host: "graph.facebook.com")),
        // probe41 P41-5: the dashboard's host copied from the browser, and Kapso's other websites.
        ("https://app.kapso.ai", .kapsoWebsite(host: "app.kapso.ai")),
        ("https://APP.kapso.ai/", .kapsoWebsite(host: "app.kapso.ai")),
        ("https://app.kapso.ai/api/v1", .kapsoWebsite(host: "app.kapso.ai")),
        ("https://docs.kapso.ai", .kapsoWebsite(host: "docs.kapso.ai")),
        ("https://kapso.ai.", .kapsoWebsite(host: "kapso.ai")),
        ("https://api.kapso.ai/platform/v1/whatsapp/phone_numbers",
         .endpointPath(path: "/platform/v1/whatsapp/phone_numbers", base: "https://api.kapso.ai")),
        ("https://api.kapso.ai/meta/whatsapp/v24.0/100200300400501/messages",
         .endpointPath(path: "/meta/whatsapp/v24.0/100200300400501/messages", base: "https://api.kapso.ai")),
        ("http://127.0.0.1:8080/meta/whatsapp/100200300400501", .endpointPath(path: "/meta/whatsapp/100200300400501", base: "http://127.0.0.1:8080")),
        ("https://gw.example/kapso/platform/v1/webhook_deliveries/",
         .endpointPath(path: "/platform/v1/webhook_deliveries/", base: "https://gw.example/kapso")),
        ("api.kapso.ai/platform/v1/whatsapp", .endpointPath(path: "/platform/v1/whatsapp", base: "api.kapso.ai")),
        // probe22 P22-2: a scheme kops does not speak, a port that is none.
        ("htp://127.0.0.1:8080", .unknownScheme("htp")),
        ("FTP://api.kapso.ai", .unknownScheme("ftp")),
        ("http://127.0.0.1:99999", .badPort("99999")),
        ("http://127.0.0.1:0", .badPort("0")),
        ("https://api.kapso.ai:", .badPort("")),
        ("http://localhost:80a/", .badPort("80a")),
        // probe27 P27-10: two ports, an unclosed '[', no host; the first request blamed plain http or a mangled endpoint.
        ("http://127.0.0.1:19227:1", .twoPorts("19227:1")),
        ("http://[::1", .unclosedBracket),
        ("http://:19227", .noHost),
        ("https://", .noHost),
        ("https:///api.kapso.ai", .noHost),
    ])
    func aBaseURLThatCannotWorkIsNamed(url: String, problem: BaseURLShape.Problem) {
        #expect(BaseURLShape.problem(in: url) == problem)
    }

    /// Host-only URLs and the suffixes Kapso's scripts strip are fine.
    @Test(arguments: [
        "https://api.kapso.ai", "https://api.kapso.ai/", "https://api.kapso.ai/platform/v1", "https://api.kapso.ai/meta/whatsapp/v24.0",
        "http://127.0.0.1:38141", "http://[::1]:8080", "https://kapso.example.com/api", "https://api.kapso.ai/platform/v1//",
        "https://api.kapso.ai/meta/whatsapp", "https://api.kapso.ai/meta/whatsapp/v23.0/", "https://api.kapso.ai/meta",
        "https://gw.example/kapso/platform/v1", "https://gw.example/metadata/x", "https://gw.example/platform/v10/x",
    ])
    func aHostOnlyURLIsFine(url: String) {
        #expect(BaseURLShape.problem(in: url) == nil)
        #expect(BaseURLShape.misspeltScheme(url) == nil)
    }

    /// probe22 P22-1: a scheme written wrongly is named with the URL it was meant to be, not given another scheme in front.
    @Test(arguments: [
        ("http:/127.0.0.1:8080", "http:/", "http://127.0.0.1:8080"), ("https//api.kapso.ai", "https//", "https://api.kapso.ai"),
        ("http:///localhost:9", "http:///", "http://localhost:9"), ("HTTPS:api.kapso.ai", "HTTPS:", "https://api.kapso.ai"),
        ("https;//api.kapso.ai", "https;//", "https://api.kapso.ai"),
    ])
    func aMisspeltSchemeIsReadAsMeant(url: String, written: String, fixed: String) throws {
        let misspelt = try #require(BaseURLShape.misspeltScheme(url))
        #expect(misspelt.written == written && misspelt.fixed == fixed)
    }

    @Test(arguments: ["api.kapso.ai", "https-proxy.example", "127.0.0.1:8080", "httpbin.org"])
    func aURLWithoutAnySchemeIsNoMisspelling(url: String) {
        #expect(BaseURLShape.misspeltScheme(url) == nil)
        #expect(BaseURLShape.strangeScheme(url) == nil)
    }

    /// probe33 P33-1: a scheme that is neither https nor http, without its `://`, was "no scheme" (and got `https://`
    /// put in front of it); a host and its port are no scheme.
    @Test(arguments: [
        ("htp:/127.0.0.1:47201", "htp:/", "127.0.0.1:47201"), ("htps:/api.kapso.ai", "htps:/", "api.kapso.ai"),
        ("hhtps//api.kapso.ai/x", "hhtps//", "api.kapso.ai/x"), (#"ftp:\\host"#, #"ftp:\\"#, "host"),
    ])
    func aStrangeSchemeWithoutItsSlashesIsRead(url: String, written: String, rest: String) throws {
        let strange = try #require(BaseURLShape.strangeScheme(url))
        #expect(strange.written == written && strange.rest == rest)
    }

    @Test(arguments: ["localhost:8080", "kapso-sim:8080", "api.kapso.ai/x", "localhost/x", "h:/x", "htp:/", "htp:/-x"])
    func aHostWithAPortOrPathIsNoStrangeScheme(url: String) {
        #expect(BaseURLShape.strangeScheme(url) == nil)
    }

    @Test(arguments: [
        (#"{"error":{"message":"Unknown path components: /platform/v1/whatsapp/phone_numbers","type":"OAuthException","code":2500,"fbtrace_id":"AbC"}}"#,
         "OAuthException 2500"),
        (#"{"error":{"message":"Unsupported get request. Object with ID 'platform' does not exist","type":"GraphMethodException","code":100,"error_subcode":33,"fbtrace_id":"AbC"}}"#,
         "GraphMethodException 100/33"),
        (#"{"error":{"message":"x","type":"OAuthException","code":"190"}}"#, "OAuthException 190"),
    ])
    func graphsErrorObjectIsRecognisedByItsShape(body: String, label: String) throws {
        let graph = try #require(GraphErrorObject(try JSONValue.parse(Array(body.utf8))))
        #expect(graph.label == label)
    }

    /// Kapso's own error shapes (kapso-api.md §1.5) are not Graph's.
    @Test(arguments: [
        #"{"error":"Invalid API key"}"#, #"{"error":"Rate limit exceeded","message":"Too many"}"#,
        #"{"errors":{"url":["is invalid"]}}"#, #"{"error":{"message":"no type or code"}}"#,
    ])
    func kapsosErrorsAreNotGraphs(body: String) throws {
        #expect(GraphErrorObject(try JSONValue.parse(Array(body.utf8))) == nil)
    }

    /// Graph's answer names a piece of Kapso's own path only when Graph itself got it; Meta's refusals relayed by
    /// Kapso's proxy name the message, the token or the phone-number id.
    @Test(arguments: [
        ("Unknown path components: /meta/whatsapp/v24.0/100200300400501/messages", "OAuthException", 2500, nil, true),
        ("Unsupported post request. Object with ID 'meta' does not exist, cannot be loaded due to missing permissions, or does not support this operation.",
         "GraphMethodException", 100, 33, true),
        ("(#131047) Re-engagement message", "OAuthException", 131047, nil, false),
        ("Unsupported post request. Object with ID '100200300400501' does not exist", "GraphMethodException", 100, 33, false),
        ("Error validating access token: Session has expired", "OAuthException", 190, 463, false),
    ] as [(String, String, Int, Int?, Bool)])
    func graphNamesKapsosPathOnlyWhenItGotIt(message: String, type: String, code: Int, subcode: Int?, named: Bool) throws {
        let rejection = MetaSendError(status: 400, code: String(code), message: message, subcode: subcode, type: type)
        let graph = try #require(GraphErrorObject(rejection))
        #expect(graph.namesKapsoPath == named)
        #expect(graph.code == code && graph.subcode == subcode)
    }

    /// Kapso's own refusal of a send (`{"error": "…"}`, the 409 lock) is not Graph's object.
    @Test func kapsosSendRefusalIsNotGraphs() throws {
        let rejection = try #require(MetaSendError(status: 409, json: try JSONValue.parse(#"{"error":"Another send is in progress"}"#)))
        #expect(GraphErrorObject(rejection) == nil)
    }
}
