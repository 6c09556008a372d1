/**
 * Generic supervised text classification over feature vectors: {@link io.finrec.nlp.classify.SoftmaxTrainer}
 * trains a softmax classifier (multinomial logistic regression, or one hidden ReLU layer) with DJL on the PyTorch
 * engine, with class weighting, a seeded validation split, early stopping on macro-F1, progress and cancellation;
 * the result, {@link io.finrec.nlp.classify.SoftmaxClassifier}, predicts in plain Java (no native engine needed)
 * and persists in FinRec's model-file format. {@link io.finrec.nlp.classify.ClassificationMetrics} computes
 * accuracy, macro-F1 and the confusion matrix. Used by the learned sentiment model and open to any other
 * classifier (transaction categories, intents).
 */
package io.finrec.nlp.classify;
