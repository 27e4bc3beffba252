// Batch Merkle trees: equal to merkletreejs and to an independent OpenZeppelin-style reference; proofs verify.
import { expect } from "chai";
import { concat, hexlify, keccak256, randomBytes } from "ethers";
import { MerkleTree } from "merkletreejs";
import { BatchTreeError, buildBatchTree, verifyBatchProof, type Hex } from "../../client/index.js";

/** OpenZeppelin MerkleProof's commutative keccak256, written with ethers (independent of the code under test). */
const ozHashPair = (a: string, b: string) => keccak256(BigInt(a) < BigInt(b) ? concat([a, b]) : concat([b, a]));
/** OpenZeppelin MerkleProof.processProof. */
const ozVerify = (proof: string[], root: string, leaf: string) => proof.reduce(ozHashPair, leaf) === root;
/** Reference tree by recursion on halves: the left subtree is the largest power of two... no: pairwise layers, odd promoted. */
function referenceRoot(leaves: string[]): string {
  let level = leaves;
  while (level.length > 1) {
    const next: string[] = [];
    for (let i = 0; i < level.length; i += 2) next.push(i + 1 < level.length ? ozHashPair(level[i], level[i + 1]) : level[i]);
    level = next;
  }
  return level[0];
}
const randLeaves = (n: number) => Array.from({ length: n }, () => hexlify(randomBytes(32)) as Hex);
const mtjs = (leaves: Hex[]) => new MerkleTree(leaves, keccak256, { sortPairs: true });

describe("batch Merkle tree", () => {
  it("one leaf: the root is the leaf and the proof is empty", () => {
    const [leaf] = randLeaves(1);
    const t = buildBatchTree([leaf]);
    expect(t.root).to.equal(leaf);
    expect(t.getProof(0)).to.deep.equal([]);
    expect(verifyBatchProof(leaf, [], leaf)).to.equal(true);
    expect(mtjs([leaf]).getHexRoot()).to.equal(leaf);
  });

  it("equals merkletreejs (root, layers, every proof) and the reference for 1..70 leaves and 1000", () => {
    for (const n of [...Array.from({ length: 70 }, (_, i) => i + 1), 1000]) {
      const leaves = randLeaves(n);
      const t = buildBatchTree(leaves);
      const m = mtjs(leaves);
      expect(t.root, `n=${n}`).to.equal(m.getHexRoot());
      expect(t.root, `n=${n}`).to.equal(referenceRoot(leaves));
      expect(t.layers).to.deep.equal(m.getHexLayers());
      const idx = n <= 70 ? [...Array(n).keys()] : [0, 1, 499, 500, 998, 999];
      for (const i of idx) {
        const p = t.getProof(i);
        expect(p, `n=${n} i=${i}`).to.deep.equal(m.getHexProof(leaves[i], i));
        expect(ozVerify(p, t.root, leaves[i])).to.equal(true);
        expect(verifyBatchProof(leaves[i], p, t.root)).to.equal(true);
      }
    }
  });

  it("handles duplicate leaves by position", () => {
    const [a, b] = randLeaves(2);
    const leaves = [a, b, a, a, b];
    const t = buildBatchTree(leaves);
    for (let i = 0; i < leaves.length; i++) expect(verifyBatchProof(leaves[i], t.getProof(i), t.root)).to.equal(true);
    expect(t.getProof(2)).to.deep.equal(mtjs(leaves).getHexProof(a, 2));
  });

  it("rejects wrong leaves, proofs and roots", () => {
    const leaves = randLeaves(9);
    const t = buildBatchTree(leaves);
    const p = t.getProof(3);
    expect(verifyBatchProof(leaves[4], p, t.root)).to.equal(false);
    expect(verifyBatchProof(leaves[3], p.slice(1), t.root)).to.equal(false);
    expect(verifyBatchProof(leaves[3], [...p].reverse(), t.root)).to.equal(false);
    expect(verifyBatchProof(leaves[3], p, leaves[0])).to.equal(false);
    expect(verifyBatchProof(leaves[8], t.getProof(8), t.root)).to.equal(true); // promoted odd node: short proof
    expect(t.getProof(8).length).to.be.lessThan(p.length);
  });

  it("refuses empty batches, malformed leaves and bad indexes", () => {
    expect(() => buildBatchTree([])).to.throw(BatchTreeError, /at least one leaf/);
    expect(() => buildBatchTree(["0x1234" as Hex])).to.throw(BatchTreeError, /leaf 0 must be a bytes32/);
    expect(() => buildBatchTree([...randLeaves(2), `0x${"zz".repeat(32)}` as Hex])).to.throw(BatchTreeError, /leaf 2/);
    const t = buildBatchTree(randLeaves(3));
    expect(() => t.getProof(3)).to.throw(BatchTreeError, /outside the batch \(0..2\)/);
    expect(() => t.getProof(-1)).to.throw(BatchTreeError, /outside/);
    expect(() => t.getProof(0.5)).to.throw(BatchTreeError, /outside/);
    expect(() => verifyBatchProof(t.leaves[0], ["0x00" as Hex], t.root)).to.throw(BatchTreeError, /proof\[0\]/);
    expect(() => verifyBatchProof("0x" as Hex, [], t.root)).to.throw(BatchTreeError, /leaf must be/);
    expect(() => verifyBatchProof(t.leaves[0], "x" as never, t.root)).to.throw(BatchTreeError, /array/);
  });
});
