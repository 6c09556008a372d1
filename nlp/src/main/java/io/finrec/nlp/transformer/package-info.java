/**
 * Transformer encoders on DJL's PyTorch engine, for fine-tuning: {@link io.finrec.nlp.transformer.OnnxGraph} reads
 * the weights of an ONNX export (protobuf wire format), {@link io.finrec.nlp.transformer.BertWeights} names them as
 * HuggingFace does, {@link io.finrec.nlp.transformer.BertEncoderBlock} / {@link io.finrec.nlp.transformer.BertLayerBlock}
 * rebuild the BERT encoder as DJL blocks with HuggingFace semantics, and
 * {@link io.finrec.nlp.transformer.PooledClassifierBlock} puts a mean-pooled classification head on top.
 */
package io.finrec.nlp.transformer;
