/** The crash and reproducibility harness lives with the reliability report; the tests use the same one. */
export {
  buildsAnywhere,
  killAfter,
  runBuild,
  tree,
  visible
} from "../../pipeline/reliability/harness.js"
