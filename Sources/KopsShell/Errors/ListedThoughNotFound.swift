/// An object a read by id answered 404 for while a list read right after holds it (`WAMID.listedThoughNotFound`): it
/// exists, so the line says so and to try again, never "not found" (tester51 G6).
struct ListedThoughNotFound: KopsError {
    var meaning: String

    var message: String { meaning }
    var exitStatus: ExitStatus { .failure }
}
