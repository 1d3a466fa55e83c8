// VigilFeeds
