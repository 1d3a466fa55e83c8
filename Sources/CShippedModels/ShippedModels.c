// The shipped models compiled into the binary, so an installed `vigil` scores text
// with nothing beside it. C's #embed (C23; clang takes it in older modes too) reads
// each file at compile time and records it as a dependency, so a model retrained
// with `vigil train` is picked up by the next build. SwiftPM's `.embedInCode`
// would do the same through a Swift array literal, which takes the compiler
// minutes per megabyte.
#include "CShippedModels.h"

#if !defined(__has_embed)
#error "the shipped models are compiled in with #embed, which needs clang 19 or later"
#endif
#pragma clang diagnostic ignored "-Wc23-extensions"

static const unsigned char hostility[] = {
#embed "Models/hostility.vgm"
};

static const unsigned char agent[] = {
#embed "Models/agent.vgm"
};

static const unsigned char stance[] = {
#embed "Models/stance.json"
};

static const unsigned char sentence_encoder[] __attribute__((aligned(16))) = {
#embed "Models/sentence-encoder.vge"
};

CShippedModelFile cshipped_sentence_encoder(void) {
    return (CShippedModelFile){ sentence_encoder, sizeof sentence_encoder };
}

CShippedModelFile cshipped_hostility_model(void) {
    return (CShippedModelFile){ hostility, sizeof hostility };
}

CShippedModelFile cshipped_agent_model(void) {
    return (CShippedModelFile){ agent, sizeof agent };
}

CShippedModelFile cshipped_stance_model(void) {
    return (CShippedModelFile){ stance, sizeof stance };
}
