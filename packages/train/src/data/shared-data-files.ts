// The files of ../shared/data and where `attn data fetch` gets each one: a raw GitHub URL at a
// pinned commit (the copies the shared folder was made from) and the sha256 the bytes must have.

export interface SharedDataFile {
  /** Path under the data folder, e.g. 'text/rt-polarity.pos'. */
  path: string;
  url: string;
  sha256: string;
  bytes: number;
}

export const DATA_GROUPS = ['text', 'image', 'recsys'] as const;
export type DataGroup = (typeof DATA_GROUPS)[number];

const raw = (repo: string, commit: string, path: string) => `https://raw.githubusercontent.com/${repo}/${commit}/${path}`;

const RT_POLARITY = ['dennybritz/cnn-text-classification-tf', '5a4610cd713c184ffd9e4dade7ba811ded30e71c'] as const;
const SMS_SPAM = [
  'learn-co-students/dsc-document-classification-with-naive-bayes-lab-online-ds-pt-051319',
  '3cd65f72ba7c0d7847ba59eb441fd3265ff6cb60',
] as const;
const MNIST = ['unixpickle/mnistlite', '7e77ce183b42950baacbe6de3986dbdc6ae771e8'] as const;
const MOVIELENS = ['mianuddin/reagent-movielens-collaborative-filtering', 'c1b100f71a003e38fae9d60a6726f55843af5573'] as const;

/** Every shared data file by group; provenance and licences are in each group's SOURCE.txt. */
export const SHARED_DATA_FILES: Record<DataGroup, SharedDataFile[]> = {
  text: [
    {
      path: 'text/rt-polarity.pos',
      url: raw(...RT_POLARITY, 'data/rt-polaritydata/rt-polarity.pos'),
      sha256: 'd79ef14009bbf87cd6be21f91c3ea1a3cbcb73b34dfb4231aef7bbcd7677abc4',
      bytes: 626168,
    },
    {
      path: 'text/rt-polarity.neg',
      url: raw(...RT_POLARITY, 'data/rt-polaritydata/rt-polarity.neg'),
      sha256: '4af43bf489620b498a0852c5a8c6a535155dec7985fdfea782b8f7756b957ccc',
      bytes: 612290,
    },
    {
      path: 'text/SMSSpamCollection',
      url: raw(...SMS_SPAM, 'SMSSpamCollection'),
      sha256: '7d039a24a6083ed9ef0f806ebad56bbb976e3aeb8de05669173bfdc4996c239d',
      bytes: 477907,
    },
  ],
  image: [
    {
      path: 'image/t10k-images-idx3-ubyte.gz',
      url: raw(...MNIST, 'data/t10k-images-idx3-ubyte.gz'),
      sha256: 'ba05d2d6e06f59dd97d2d5378250478bb5c9b64296a5c2681700569121e3a2d7',
      bytes: 1648877,
    },
    {
      path: 'image/t10k-labels-idx1-ubyte.gz',
      url: raw(...MNIST, 'data/t10k-labels-idx1-ubyte.gz'),
      sha256: '94088eab8a64f51a9b34cc9716f54b6548ef8b2fd16ada6d1575091b933dbf4b',
      bytes: 4542,
    },
  ],
  recsys: [
    {
      path: 'recsys/README.txt',
      url: raw(...MOVIELENS, 'public/ml-latest-small/README.txt'),
      sha256: '63d22ac138e80fae37021797ed8e1b9424b5239dc576a137422adf783ae3f404',
      bytes: 8342,
    },
    {
      path: 'recsys/links.csv',
      url: raw(...MOVIELENS, 'public/ml-latest-small/links.csv'),
      sha256: '97ad18e4e56a09363c65676b6cb3482ce3e2cea2372a24620c1599c843325f31',
      bytes: 197979,
    },
    {
      path: 'recsys/movies.csv',
      url: raw(...MOVIELENS, 'public/ml-latest-small/movies.csv'),
      sha256: '5a5f32dd9bb3797b8e728a1b98958789d2b13f294a69fdfbc5727f8a9611aa07',
      bytes: 494431,
    },
    {
      path: 'recsys/ratings.csv',
      url: raw(...MOVIELENS, 'public/ml-latest-small/ratings.csv'),
      sha256: 'aa289ca83157595d0df6aea1be6a4ded676ddc4385472e8313a8ed9805352646',
      bytes: 2483723,
    },
    {
      path: 'recsys/tags.csv',
      url: raw(...MOVIELENS, 'public/ml-latest-small/tags.csv'),
      sha256: '92a9f8bb7916dceef6151209845788c3643f794dfa79d1feaec7121b5960399d',
      bytes: 118660,
    },
  ],
};
