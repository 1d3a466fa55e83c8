import VigilAssessment

/// A finding's evidence is stored as the scorer produced it: a sentence
/// located in the item's extracted text by Unicode-scalar offsets.
public typealias Evidence = EvidenceSentence
