// VigilText
