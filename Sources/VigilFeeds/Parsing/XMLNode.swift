/// A child of an element: another element or a run of text (CDATA included).
public indirect enum XMLNode: Sendable, Equatable {
    case element(XMLElement)
    case text(String)
}
