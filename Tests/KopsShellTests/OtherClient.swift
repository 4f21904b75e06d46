import KopsHTTP

/// One GET made by another client than the shell under test (its own libcurl transport, the key as a plain header, a
/// curl user agent), as a user's script or `curl` makes it: in-process, so the test starts no process. Foundation's
/// `Process.run()` crashed (memmove in its descriptor walk) once a long test run held thousands of descriptors, in the
/// two tests that ran `/usr/bin/curl` for this (session 70). The answer is not read; a failed exchange throws.
func otherClientGet(_ url: String, apiKey: String) throws {
    let transport = try CurlTransport(options: .init(connectTimeout: 2, timeout: 10, userAgent: "curl/8.5.0"))
    _ = try transport.send(HTTPRequest(url: url, headers: [HTTPHeader("X-API-Key", apiKey)]))
}
