internal import CCurl
internal import CKopsShims

/// One configured libcurl easy handle and the buffers its callbacks fill.
///
/// Owned by one thread; frees the handle in `deinit`. `CurlTransport` keeps one for keep-alive and
/// makes more for concurrent requests.
final class CurlTransfer {
    let handle: UnsafeMutableRawPointer
    private var headerList: UnsafeMutablePointer<curl_slist>?
    private var errorBuffer = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
    fileprivate var body: [UInt8] = []
    fileprivate var headers: [(name: String, value: String)] = []
    fileprivate var headerBytes = 0
    fileprivate var limits = CurlTransport.Limits()
    /// Set by a callback that stopped the transfer because a limit was reached.
    fileprivate var exceeded: TransportError.Limit?
    /// What the last `configure` set when it was a GET without a body; nil after any other request.
    private var plainGet: PlainGet?
    /// How many times `configure` reset the handle and set every option (the tests count them).
    private(set) var fullConfigurations = 0

    init() throws(TransportError) {
        if let failure = kops_curl_load() {
            throw .protocolError(host: "localhost", detail: String(cString: failure))
        }
        guard let handle = kops_curl_easy_init() else {
            throw .protocolError(host: "localhost", detail: "libcurl could not create a handle")
        }
        self.handle = handle
    }

    deinit {
        kops_curl_slist_free_all(headerList)
        kops_curl_easy_cleanup(handle)
    }

    /// Resets the handle (keeping its connections) and sets every option for `request`.
    ///
    /// A GET without a body after one configured the same way (`PlainGet`: the same options, share and header lines)
    /// sets its URL only: libcurl keeps the other options from one transfer to the next, and resetting and setting
    /// them again cost 14,600 instructions a request, 1.4 % of 50 commands replayed (docs/performance.md, "Session 51").
    func configure(_ request: HTTPRequest, options: CurlTransport.Options, share: UnsafeMutableRawPointer?) {
        body = []
        headers = []
        headerBytes = 0
        limits = options.limits
        exceeded = nil
        errorBuffer[0] = 0
        let plain = PlainGet(request, options: options, share: share)
        if let plain, plain == plainGet {
            _ = kops_curl_setopt_str(handle, CURLOPT_URL, request.url)
            return
        }
        plainGet = plain
        fullConfigurations += 1
        kops_curl_easy_reset(handle)
        kops_curl_slist_free_all(headerList)
        headerList = nil
        errorBuffer.withUnsafeMutableBufferPointer { buffer in
            _ = kops_curl_setopt_ptr(handle, CURLOPT_ERRORBUFFER, buffer.baseAddress)
        }
        if let share { _ = kops_curl_setopt_share(handle, share) }
        _ = kops_curl_setopt_str(handle, CURLOPT_URL, request.url)
        _ = kops_curl_setopt_str(handle, CURLOPT_NOPROXY, ProxyEnvironment.noProxy)
        _ = kops_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        _ = kops_curl_setopt_long(handle, CURLOPT_SSL_VERIFYPEER, 1)
        _ = kops_curl_setopt_long(handle, CURLOPT_SSL_VERIFYHOST, 2)
        _ = kops_curl_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 0)
        _ = kops_curl_setopt_long(handle, CURLOPT_TCP_NODELAY, 1)
        _ = kops_curl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Int(options.connectTimeout * 1000))
        _ = kops_curl_setopt_long(handle, CURLOPT_TIMEOUT_MS, Int(options.timeout * 1000))
        _ = kops_curl_setopt_str(handle, CURLOPT_USERAGENT, options.userAgent)
        _ = kops_curl_setopt_str(handle, CURLOPT_ACCEPT_ENCODING, "")
        // A declared Content-Length over the limit fails before any byte is read; the write callback
        // enforces the same limit on the decoded body (gzip bombs, chunked replies without a length).
        _ = kops_curl_setopt_long(handle, CURLOPT_MAXFILESIZE, options.limits.bodyBytes)
        _ = kops_curl_abort_on_sigint(handle)
        // libcurl sends a request again, unasked, when a kept-alive connection it reused turns out closed before
        // any answer: harmless for a read, a second webhook or message for a write. A write opens its own
        // connection, so that retry never applies (one connect more per write).
        if request.isWrite { _ = kops_curl_setopt_long(handle, CURLOPT_FRESH_CONNECT, 1) }

        switch request.method {
        case "GET": _ = kops_curl_setopt_long(handle, CURLOPT_HTTPGET, 1)
        case "HEAD": _ = kops_curl_setopt_long(handle, CURLOPT_NOBODY, 1)
        default: _ = kops_curl_setopt_str(handle, CURLOPT_CUSTOMREQUEST, request.method)
        }
        if let payload = request.body {
            _ = kops_curl_setopt_long(handle, CURLOPT_POSTFIELDSIZE, payload.count)
            payload.withUnsafeBytes { raw in
                _ = kops_curl_setopt_ptr(handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: raw.baseAddress))
            }
            if request.method == "GET" { _ = kops_curl_setopt_str(handle, CURLOPT_CUSTOMREQUEST, "GET") }
        }
        var list: UnsafeMutablePointer<curl_slist>?
        for header in request.headers { list = kops_curl_slist_append(list, header.wireLine) }
        if request.body != nil { list = kops_curl_slist_append(list, "Expect:") }
        headerList = list
        if let list { _ = kops_curl_setopt_slist(handle, CURLOPT_HTTPHEADER, list) }

        let me = Unmanaged.passUnretained(self).toOpaque()
        _ = kops_curl_setopt_datacb(handle, CURLOPT_WRITEFUNCTION, writeBody)
        _ = kops_curl_setopt_ptr(handle, CURLOPT_WRITEDATA, me)
        _ = kops_curl_setopt_datacb(handle, CURLOPT_HEADERFUNCTION, writeHeader)
        _ = kops_curl_setopt_ptr(handle, CURLOPT_HEADERDATA, me)
    }

    /// Turns a finished transfer's outcome into a response or a typed error.
    func finish(_ code: CURLcode, request: HTTPRequest, started: ContinuousClock.Instant, options: CurlTransport.Options)
        -> Result<HTTPResponse, TransportError>
    {
        guard code == CURLE_OK else {
            let parts = URLParts(request.url)
            let host = parts?.host ?? request.url
            return .failure(error(for: code, host: host, authority: parts?.authority ?? host, request: request, options: options))
        }
        var status = 0
        _ = kops_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        let elapsed = started.duration(to: .now)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return .success(HTTPResponse(status: status, headers: headers, body: body, duration: seconds))
    }

    /// Connections this handle opened for its last transfer (0 when one was reused).
    var newConnections: Int {
        var count = 0
        _ = kops_curl_getinfo_long(handle, CURLINFO_NUM_CONNECTS, &count)
        return count
    }

    private func error(
        for code: CURLcode, host: String, authority: String, request: HTTPRequest, options: CurlTransport.Options
    )
        -> TransportError
    {
        let detail = errorBuffer.withUnsafeBufferPointer { buffer in
            buffer[0] == 0 ? String(cString: kops_curl_easy_strerror(code)) : String(cString: buffer.baseAddress!)
        }
        if let exceeded { return sentWrite(request) ? .noAnswer(host: host, detail: exceeded.text) : .tooLarge(host: host, exceeded) }
        // libcurl reports a header line over its fixed cap as running out of memory.
        if code == CURLE_FILESIZE_EXCEEDED || (code == CURLE_OUT_OF_MEMORY && body.isEmpty) {
            let limit: TransportError.Limit =
                code == CURLE_OUT_OF_MEMORY ? .headerLine(bytes: 100 << 10) : .body(bytes: options.limits.bodyBytes)
            return sentWrite(request) ? .noAnswer(host: host, detail: limit.text) : .tooLarge(host: host, limit)
        }
        if let proxy = ProxyRefusal(code: code, connectCode: connectCode, host: host, scheme: request.url.hasPrefix("https:") ? "https" : "http") {
            return .proxy(host: host, detail: proxy.text(host: host))
        }
        switch code {
        case CURLE_COULDNT_RESOLVE_HOST: return .dns(host: host)
        case CURLE_COULDNT_CONNECT: return .connect(authority: authority)
        case CURLE_OPERATION_TIMEDOUT:
            guard sentWrite(request) else { return .timeout(host: host, seconds: options.timeout) }
            return .noAnswer(host: host, detail: "no answer within \(formatSeconds(options.timeout))")
        case CURLE_ABORTED_BY_CALLBACK:
            kops_sigint_clear()  // this Ctrl-C is spent; the next request must not see it
            var uploaded = 0.0
            _ = kops_curl_getinfo_double(handle, CURLINFO_SIZE_UPLOAD, &uploaded)
            var connected = 0
            _ = kops_curl_getinfo_long(handle, CURLINFO_PRIMARY_PORT, &connected)
            let sent = request.isWrite && connected != 0 && (request.body == nil || uploaded > 0)
            return .cancelled(sent: sent)
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM,
            CURLE_SSL_CIPHER, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR:
            return .tls(host: host, detail: CurlDetail.short(detail))
        // The URL was checked before sending; UNSUPPORTED_PROTOCOL here is a reply curl cannot read
        // (e.g. "Received HTTP/0.9 when not allowed"), so it is the server's fault, not the URL's.
        case CURLE_URL_MALFORMAT: return .badURL(request.url)
        default:
            guard sentWrite(request) else { return .protocolError(host: host, detail: CurlDetail.short(detail)) }
            return .noAnswer(host: host, detail: CurlDetail.short(detail))
        }
    }

    /// The status a proxy answered to CONNECT (0 when no proxy tunnel was asked for).
    private var connectCode: Int {
        var code = 0
        _ = kops_curl_getinfo_long(handle, CURLINFO_HTTP_CONNECTCODE, &code)
        return code
    }

    /// True when a write's request went out: the server may have acted on it, whatever came back.
    private func sentWrite(_ request: HTTPRequest) -> Bool {
        guard request.isWrite else { return false }
        var sent = 0
        _ = kops_curl_getinfo_long(handle, CURLINFO_REQUEST_SIZE, &sent)
        return sent > 0
    }
}

/// libcurl's error text as the end of a kops sentence.
enum CurlDetail {
    /// The first line, its first letter lower-cased (`Could not resolve host` → `could not…`) unless it starts an
    /// acronym (`SSL certificate problem`, `OpenSSL/3.0`: never `sSL`).
    static func short(_ detail: String) -> String {
        let line = detail.split(separator: "\n").first.map(String.init) ?? detail
        let word = line.prefix { $0.isLetter || $0.isNumber || $0 == "/" || $0 == "." }
        guard word.count > 1, word.dropFirst().allSatisfy({ !$0.isUppercase }) else { return line }
        return line.prefix(1).lowercased() + line.dropFirst()
    }
}

private let writeBody: kops_curl_data_cb = { pointer, size, count, userdata in
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(userdata!).takeUnretainedValue()
    let length = size * count
    guard transfer.body.count + length <= transfer.limits.bodyBytes else {
        transfer.exceeded = .body(bytes: transfer.limits.bodyBytes)
        return 0  // curl stops the transfer with CURLE_WRITE_ERROR
    }
    if transfer.body.isEmpty, length > 0 {
        // The declared length reserved at the first bytes: a 53 KB page came in 16 KB pieces, and the array grew
        // (and was copied) twice on the way (docs/performance.md, "Session 23"). A hint only: a gzip body decodes to
        // more, a chunked one declares none (-1), and the limit stands as checked above.
        let declared = Int(kops_curl_getinfo_off(transfer.handle, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T))
        if declared > length, declared <= transfer.limits.bodyBytes { transfer.body.reserveCapacity(declared) }
    }
    if let pointer { transfer.body.append(contentsOf: UnsafeRawBufferPointer(start: pointer, count: length)) }
    return length
}

private let writeHeader: kops_curl_data_cb = { pointer, size, count, userdata in
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(userdata!).takeUnretainedValue()
    let length = size * count
    transfer.headerBytes += length
    guard transfer.headerBytes <= transfer.limits.headerBytes else {
        transfer.exceeded = .headers(bytes: transfer.limits.headerBytes)
        return 0
    }
    guard let pointer else { return length }
    // Read as bytes: header names and the separators around values are ASCII.
    let line = UnsafeRawBufferPointer(start: pointer, count: length)
    if line.starts(with: "HTTP/".utf8) {
        // Room for an API answer's headers (the simulator's 10, Kapso's about 15): grown one by one, the array was
        // copied five times an answer (docs/performance.md, "Session 59").
        transfer.headers = []
        transfer.headers.reserveCapacity(16)
        transfer.headerBytes = length
    } else if let colon = line.firstIndex(of: UInt8(ascii: ":")) {
        let blank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A }
        var start = colon + 1
        var end = length
        while start < end, blank(line[start]) { start += 1 }
        while end > start, blank(line[end - 1]) { end -= 1 }
        let name = String(decoding: line[..<colon], as: UTF8.self)
        let value = String(decoding: line[start..<end], as: UTF8.self)
        transfer.headers.append((name, value))
    }
    return length
}
