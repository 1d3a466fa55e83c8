/// A child of an element: another element or a run of text (CDATA included).
///
/// Not `indirect`: an element's children array already breaks the recursion, and a
/// boxed payload would cost an allocation and a reference count for every node.
public enum XMLNode: Sendable, Equatable {
    case element(XMLElement)
    case text(String)
}
