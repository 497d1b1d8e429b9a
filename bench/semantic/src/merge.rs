//! A second pass over finished stories: joins stories whose mean embeddings are close.
//! It shows whether the model could lift the project's clusterer, whose misses are on
//! the recall side (an event split into several stories).

/// `labels[i]` is article `i`'s story (any dense numbering); returns new labels after
/// visiting stories in order of their first article and joining each to the most
/// similar earlier group when the cosine of the mean embeddings reaches `threshold`.
pub fn merge_by_embedding(labels: &[usize], embeddings: &[Vec<f32>], threshold: f32) -> Vec<usize> {
    let mut order: Vec<usize> = Vec::new();
    let mut sums: Vec<Vec<f32>> = Vec::new();
    let mut index = std::collections::HashMap::new();
    for (&story, e) in labels.iter().zip(embeddings) {
        let i = *index.entry(story).or_insert_with(|| {
            order.push(story);
            sums.push(vec![0.0; e.len()]);
            sums.len() - 1
        });
        sums[i].iter_mut().zip(e).for_each(|(s, x)| *s += x);
    }
    let unit = |v: &[f32]| {
        let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt().max(1e-12);
        v.iter().map(|x| x / norm).collect::<Vec<f32>>()
    };
    let mut group_of = vec![0; sums.len()];
    let mut groups: Vec<Vec<f32>> = Vec::new();
    for (i, sum) in sums.iter().enumerate() {
        let mean = unit(sum);
        let best = groups
            .iter()
            .enumerate()
            .map(|(g, centre)| (g, parallax_embed::cosine(&mean, &unit(centre))))
            .max_by(|a, b| a.1.total_cmp(&b.1));
        match best {
            Some((g, cos)) if cos >= threshold => {
                groups[g].iter_mut().zip(sum).for_each(|(s, x)| *s += x);
                group_of[i] = g;
            }
            _ => {
                groups.push(sum.clone());
                group_of[i] = groups.len() - 1;
            }
        }
    }
    labels.iter().map(|story| group_of[index[story]]).collect()
}

#[cfg(test)]
mod tests {
    use super::merge_by_embedding;

    #[test]
    fn close_stories_join_and_distant_ones_stay_apart() {
        let e = |x: f32, y: f32| vec![x, y];
        let labels = [5, 5, 9, 7];
        let embeddings = [e(1.0, 0.0), e(1.0, 0.0), e(0.99, 0.141), e(0.0, 1.0)];
        assert_eq!(
            merge_by_embedding(&labels, &embeddings, 0.9),
            vec![0, 0, 0, 1]
        );
        assert_eq!(
            merge_by_embedding(&labels, &embeddings, 0.999),
            vec![0, 0, 1, 2]
        );
    }
}
