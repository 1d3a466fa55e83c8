#ifndef CSHIPPEDMODELS_H
#define CSHIPPEDMODELS_H

#include <stddef.h>

/// The bytes of one model file as compiled into the binary: read-only, alive for
/// the whole run, never freed.
typedef struct {
    const unsigned char *bytes;
    size_t count;
} CShippedModelFile;

/// Models/hostility.vgm, Models/agent.vgm and Models/stance.json, as `vigil train`
/// last wrote them when this binary was built.
CShippedModelFile cshipped_hostility_model(void);
CShippedModelFile cshipped_agent_model(void);
CShippedModelFile cshipped_stance_model(void);
/// Models/sentence-encoder.vge (scripts/make-encoder.py), aligned to 16 bytes so
/// its float tensors can be read in place.
CShippedModelFile cshipped_sentence_encoder(void);

#endif
