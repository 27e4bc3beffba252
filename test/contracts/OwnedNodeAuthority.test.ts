// OwnedNodeAuthority: owner-only authorise/revoke of node signing keys, with events and errors.
import { expect } from "chai";
import { network } from "hardhat";

const { ethers, networkHelpers } = await network.create();

async function deployAuthorityFixture() {
  const [owner, node, stranger] = await ethers.getSigners();
  const authority = await ethers.deployContract("OwnedNodeAuthority", [owner.address]);
  return { owner, node, stranger, authority };
}

describe("OwnedNodeAuthority", () => {
  it("authorises and revokes signers, emitting events", async () => {
    const { owner, node, authority } = await networkHelpers.loadFixture(deployAuthorityFixture);
    expect(await authority.owner()).to.equal(owner.address);
    expect(await authority.isAuthorizedSigner(node.address)).to.equal(false);
    await expect(authority.authorizeSigner(node.address)).to.emit(authority, "SignerAuthorized").withArgs(node.address);
    expect(await authority.isAuthorizedSigner(node.address)).to.equal(true);
    await expect(authority.revokeSigner(node.address)).to.emit(authority, "SignerRevoked").withArgs(node.address);
    expect(await authority.isAuthorizedSigner(node.address)).to.equal(false);
  });

  it("rejects the zero signer, double authorisation and revoking an unknown signer", async () => {
    const { node, authority } = await networkHelpers.loadFixture(deployAuthorityFixture);
    await expect(authority.authorizeSigner(ethers.ZeroAddress)).to.be.revertedWithCustomError(
      authority,
      "OwnedNodeAuthorityZeroSigner",
    );
    await authority.authorizeSigner(node.address);
    await expect(authority.authorizeSigner(node.address))
      .to.be.revertedWithCustomError(authority, "OwnedNodeAuthorityAlreadyAuthorized")
      .withArgs(node.address);
    await authority.revokeSigner(node.address);
    await expect(authority.revokeSigner(node.address))
      .to.be.revertedWithCustomError(authority, "OwnedNodeAuthorityNotAuthorized")
      .withArgs(node.address);
  });

  it("lets only the owner manage signers", async () => {
    const { node, stranger, authority } = await networkHelpers.loadFixture(deployAuthorityFixture);
    await expect(authority.connect(stranger).authorizeSigner(node.address))
      .to.be.revertedWithCustomError(authority, "OwnableUnauthorizedAccount")
      .withArgs(stranger.address);
    await expect(authority.connect(stranger).revokeSigner(node.address))
      .to.be.revertedWithCustomError(authority, "OwnableUnauthorizedAccount")
      .withArgs(stranger.address);
  });
});
