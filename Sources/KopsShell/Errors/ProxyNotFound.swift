/// A 404 from Kapso's Meta proxy on one of kops's own calls whose id is the project's own number or WABA: the reading
/// names the id and the route as right and says what to check (`ShellContext.proxyNotFound`, probe26 P26-15), instead of
/// the raw `not found (404) at … Object with ID … does not exist`.
struct ProxyNotFound: KopsError {
    /// `200300400500601 is this project's WABA id (of Support Line) and /200300400500601/message_templates is a documented
    /// proxy route, so neither is the mistake: …; 'health 100200300400501' checks the number's access and token`.
    var meaning: String

    var message: String { meaning }
    var exitStatus: ExitStatus { .failure }
}
